package org.mandatetracker.report.subscription;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The stream's shared reads and catch-ups, with the feed held in memory so that a read can be paused while a
 * subscriber resumes (an interleaving a client meets only by chance, and the likely cause of the four recommendations
 * the fault suite's resuming subscriber once missed), and with clients that can be stalled, as one that stops reading
 * is.
 */
class RecommendationStreamTests {

    /** A feed of entries numbered from 1, whose next read can be held until released. */
    private static final class HeldFeed extends RecommendationFeed {
        private final List<FeedEntry> entries = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch reading;
        private volatile CountDownLatch hold;

        HeldFeed() {
            super(null, null);
        }

        void add() {
            long seq = entries.size() + 1;
            entries.add(new FeedEntry(seq, "event-" + seq, "wg", Instant.EPOCH, JsonNodeFactory.instance.objectNode()));
        }

        /** Holds the next read once it has begun, until the latch returned is counted down. */
        CountDownLatch holdNextRead() {
            reading = new CountDownLatch(1);
            hold = new CountDownLatch(1);
            return hold;
        }

        @Override
        public List<FeedEntry> after(long seq, String bodyId, int limit) {
            CountDownLatch held = hold;
            hold = null;
            if (held != null) {
                reading.countDown();
                waitFor(held);
            }
            return entries.stream().filter(entry -> entry.seq() > seq).limit(limit).toList();
        }

        @Override
        public long latest() {
            return entries.size();
        }
    }

    /** An emitter that keeps the ids of the events sent on it, and can be made to stall as a slow client does. */
    private static class Recording extends SseEmitter {
        private static final Pattern ID = Pattern.compile("^id:(\\d+)$", Pattern.MULTILINE);
        private final List<Long> ids = new CopyOnWriteArrayList<>();
        private final CountDownLatch reading;

        Recording() {
            this(new CountDownLatch(0));
        }

        /** A client that takes in no event until {@code reading} is counted down. */
        Recording(CountDownLatch reading) {
            this.reading = reading;
        }

        @Override
        public void send(SseEventBuilder event) {
            String text = event.build().stream().map(part -> part.getData().toString()).collect(Collectors.joining());
            Matcher id = ID.matcher(text);
            if (id.find()) {
                waitFor(reading);
                ids.add(Long.parseLong(id.group(1)));
            }
        }
    }

    private final HeldFeed feed = new HeldFeed();
    private final RecommendationStream stream = new RecommendationStream(feed, Duration.ofMinutes(1),
            Duration.ofSeconds(1), 100);

    @AfterEach
    void closeStreams() {
        stream.closeStreams();
    }

    @Test
    void aSubscriberThatResumesWhileTheFeedIsBeingReadIsSentEverythingAfterItsLastEventId() throws Exception {
        feed.add();
        feed.add();
        Recording staying = new Recording();
        stream.open(staying, null, 0L);
        await().untilAsserted(() -> assertThat(staying.ids).containsExactly(1L, 2L));
        stream.sendWhatIsNew();

        feed.add();
        CountDownLatch release = feed.holdNextRead();
        Thread round = new Thread(stream::sendWhatIsNew);
        round.start();
        waitFor(feed.reading);
        // The live round is reading after entry 2, the last the first subscriber had; this one resumes after 1.
        Recording resuming = new Recording();
        stream.open(resuming, null, 1L);
        release.countDown();
        round.join(10_000);
        stream.sendWhatIsNew();

        await().untilAsserted(() -> assertThat(resuming.ids).containsExactly(2L, 3L));
        await().untilAsserted(() -> assertThat(staying.ids).containsExactly(1L, 2L, 3L));
    }

    @Test
    void aSubscriberFarBehindIsSentEverythingInOrderAcrossSeveralReads() {
        for (int i = 0; i < 1_234; i++) {
            feed.add();
        }
        Recording behind = new Recording();
        Recording current = new Recording();
        stream.open(behind, null, 0L);
        stream.open(current, null, 1_200L);

        await().untilAsserted(() -> assertThat(behind.ids).hasSize(1_234));
        assertThat(behind.ids).isSorted().doesNotHaveDuplicates();
        await().untilAsserted(() -> assertThat(current.ids)
                .containsExactlyElementsOf(behind.ids.subList(1_200, 1_234)));
    }

    @Test
    void aSlowClientCatchingUpHoldsUpNoOneElse() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            feed.add();
        }
        Recording current = new Recording();
        stream.open(current, null, null);
        CountDownLatch slowReads = new CountDownLatch(1);
        Recording slow = new Recording(slowReads);
        stream.open(slow, null, 0L);
        stream.sendWhatIsNew();

        feed.add();
        Thread round = new Thread(stream::sendWhatIsNew);
        round.start();
        round.join(5_000);
        assertThat(round.isAlive()).as("the live round waited for the slow client").isFalse();
        await().untilAsserted(() -> assertThat(current.ids).containsExactly(1_001L));

        slowReads.countDown();
        await().untilAsserted(() -> assertThat(slow.ids).hasSize(1_001));
        assertThat(slow.ids).isSorted().doesNotHaveDuplicates();
        round.join();
    }

    @Test
    void aSlowClientThatIsUpToDateHoldsUpNoOneElseAndIsSentWhatItMissedOnceItReadsAgain() throws Exception {
        feed.add();
        Recording current = new Recording();
        CountDownLatch slowReads = new CountDownLatch(1);
        Recording slow = new Recording(slowReads);
        stream.open(current, null, null);
        stream.open(slow, null, null);
        stream.sendWhatIsNew();

        feed.add();
        stream.sendWhatIsNew();
        await().untilAsserted(() -> assertThat(current.ids).containsExactly(2L));
        // The slow client's write of entry 2 is stuck; two more entries come, each in a round of its own.
        for (long next = 3; next <= 4; next++) {
            feed.add();
            Thread round = new Thread(stream::sendWhatIsNew);
            round.start();
            round.join(5_000);
            assertThat(round.isAlive()).as("the live round waited for the slow client").isFalse();
            long expected = next;
            await().untilAsserted(() -> assertThat(current.ids).endsWith(expected));
        }

        slowReads.countDown();
        await().untilAsserted(() -> {
            stream.sendWhatIsNew();
            assertThat(slow.ids).containsExactly(2L, 3L, 4L);
        });
        assertThat(current.ids).containsExactly(2L, 3L, 4L);
    }

    @Test
    void moreClientsStuckThanThereAreSendersHoldUpNoOneElse() {
        feed.add();
        CountDownLatch stuckReads = new CountDownLatch(1);
        List<Recording> stuck = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Recording client = new Recording(stuckReads);
            stuck.add(client);
            stream.open(client, null, null);
        }
        feed.add();
        // Eight senders are now stuck writing entry 2, and four more such writes wait for a sender.
        stream.sendWhatIsNew();
        Recording current = new Recording();
        stream.open(current, null, null);
        feed.add();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            stream.sendWhatIsNew();
            assertThat(current.ids).containsExactly(3L);
        });

        stuckReads.countDown();
        await().untilAsserted(() -> {
            stream.sendWhatIsNew();
            assertThat(stuck).allSatisfy(client -> assertThat(client.ids).containsExactly(2L, 3L));
        });
    }

    @Test
    void aSubscriberBeyondTheLimitIsRefusedWith503AndRetryAfter() {
        RecommendationStream small = new RecommendationStream(feed, Duration.ofMinutes(1), Duration.ofSeconds(3), 2);
        try {
            small.open(new Recording(), null, null);
            small.open(new Recording(), "wg", null);

            assertThatThrownBy(() -> small.open(new Recording(), null, null))
                    .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                        assertThat(refused.getStatusCode().value()).isEqualTo(503);
                        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("3");
                        assertThat(refused.getBody().getDetail()).contains("2 subscribers")
                                .contains("report.stream.max-subscribers");
                    });
        } finally {
            small.closeStreams();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
