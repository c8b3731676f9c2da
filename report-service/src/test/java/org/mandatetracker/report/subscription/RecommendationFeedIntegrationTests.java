package org.mandatetracker.report.subscription;

import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
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

    @Test
    void aLaterWriterWaitsUntilTheEarlierOnesEntryHasCommitted() throws Exception {
        long before = feed.latest();
        String first = "feed-" + UUID.randomUUID();
        String second = "feed-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            feed.append(first, recommendation(first), Instant.now());
            appended.countDown();
            await(commit);
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx ->
                feed.append(second, recommendation(second), Instant.now())));

        Thread.sleep(1000);
        assertThat(later).as("the later entry is numbered only once the earlier one is visible").isNotDone();
        assertThat(feed.after(before, null, 500)).extracting(FeedEntry::eventId).doesNotContain(first, second);

        commit.countDown();
        earlier.get(30, TimeUnit.SECONDS);
        later.get(30, TimeUnit.SECONDS);
        assertThat(feed.after(before, null, 500)).extracting(FeedEntry::eventId)
                .filteredOn(id -> id.equals(first) || id.equals(second)).containsExactly(first, second);
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
