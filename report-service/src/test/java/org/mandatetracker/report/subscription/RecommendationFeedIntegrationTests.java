package org.mandatetracker.report.subscription;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two writers of the feed, as two replicas are: entries become visible in the order of their numbers. */
@ReportServiceIntegrationTest
class RecommendationFeedIntegrationTests {

    @Autowired
    RecommendationFeed feed;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPollsRecommendationsEnterInTheirOrderOnceEachWithADeliveryForEachMatchingSubscription() {
        UUID everything = UUID.randomUUID();
        UUID thisBody = UUID.randomUUID();
        UUID anotherBody = UUID.randomUUID();
        for (UUID id : List.of(everything, thisBody, anotherBody)) {
            jdbc.sql("INSERT INTO subscription (id, url, secret, body_id) VALUES (?, 'http://127.0.0.1:9/hook', "
                    + "'secret', ?)").params(id, id.equals(everything) ? null : id.equals(thisBody) ? "feed-body"
                    : "another-body").update();
        }
        long before = feed.latest();
        List<String> ids = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        transactions.executeWithoutResult(tx -> feed.append(List.of(entry(ids.get(0)))));

        transactions.executeWithoutResult(tx -> feed.append(ids.stream().map(RecommendationFeedIntegrationTests::entry)
                .toList()));

        List<FeedEntry> entries = feed.after(before, null, 500).stream()
                .filter(entry -> ids.contains(entry.eventId())).toList();
        assertThat(entries).extracting(FeedEntry::eventId).as("once each, in the poll's order").isEqualTo(ids);
        assertThat(entries).extracting(FeedEntry::seq).isSorted();
        for (FeedEntry entry : entries) {
            assertThat(jdbc.sql("SELECT subscription_id FROM delivery WHERE feed_seq = ? AND subscription_id IN (?, ?, ?)")
                    .params(entry.seq(), everything, thisBody, anotherBody).query(UUID.class).list())
                    .containsExactlyInAnyOrder(everything, thisBody);
        }
        // The webhook dispatcher may be attempting these deliveries meanwhile, so the cleanup is retried whole.
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                transactions.executeWithoutResult(tx -> {
                    Object[] subscriptions = {everything, thisBody, anotherBody};
                    jdbc.sql("DELETE FROM delivery_attempt WHERE delivery_id IN (SELECT id FROM delivery WHERE "
                            + "subscription_id IN (?, ?, ?))").params(subscriptions).update();
                    jdbc.sql("DELETE FROM delivery WHERE subscription_id IN (?, ?, ?)").params(subscriptions).update();
                    jdbc.sql("DELETE FROM subscription WHERE id IN (?, ?, ?)").params(subscriptions).update();
                }));
    }

    @Test
    void aLaterWriterWaitsUntilTheEarlierOnesEntryHasCommitted() throws Exception {
        long before = feed.latest();
        String first = "feed-" + UUID.randomUUID();
        String second = "feed-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            feed.append(List.of(entry(first)));
            appended.countDown();
            await(commit);
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx ->
                feed.append(List.of(entry(second)))));

        Thread.sleep(1000);
        assertThat(later).as("the later entry is numbered only once the earlier one is visible").isNotDone();
        assertThat(feed.after(before, null, 500)).extracting(FeedEntry::eventId).doesNotContain(first, second);

        commit.countDown();
        earlier.get(30, TimeUnit.SECONDS);
        later.get(30, TimeUnit.SECONDS);
        assertThat(feed.after(before, null, 500)).extracting(FeedEntry::eventId)
                .filteredOn(id -> id.equals(first) || id.equals(second)).containsExactly(first, second);
    }

    private static RecommendationFeed.Entry entry(String id) {
        return new RecommendationFeed.Entry(id, recommendation(id), Instant.now());
    }

    private static RecommendationAdopted recommendation(String id) {
        return new RecommendationAdopted("feed-meeting", "feed-body", id, "Recommendation " + id,
                new Addressee(null, "States parties"), "1", DocumentSymbol.parse("CTOC/COP/WG.4/2011/8"),
                LocalDate.of(2011, 10, 12), SourceCitation.of("CTOC/COP/WG.4/2011/8", null));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
