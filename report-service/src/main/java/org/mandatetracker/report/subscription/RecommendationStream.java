package org.mandatetracker.report.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent events of new recommendations. Each subscriber remembers the last feed entry it was sent and is sent
 * the next ones from the durable feed, so a client that reconnects with {@code Last-Event-ID} resumes exactly after
 * it, across restarts of this service.
 * <p>
 * Subscribers that are up to date share one read of what is new (the live round); it runs as soon as the feed grows
 * ({@link FeedNotifications}), and on a slower tick in case a notification was missed. A subscriber behind the live
 * round, one that resumed from an older event or missed a round, catches up by reading the feed from its own
 * position. Nothing is written to a client on the round's thread: each subscriber's writes are a task on a pool of
 * senders, one task at a time per subscriber, and a round passes over a subscriber whose task is still running. So a
 * client resuming far back, or one reading slowly, holds up no one else.
 */
@Component
public class RecommendationStream {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStream.class);
    private static final int BATCH = 500;
    private static final int SENDERS = 8;

    private final RecommendationFeed feed;
    private final Duration timeout;
    /** How long a client waits before reconnecting, sent with the first comment as the stream's {@code retry:}. */
    private final Duration retry;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders;
    /** The last entry the live round has read; -1 until it first reads, and again whenever no one is subscribed. */
    private long head = -1;

    RecommendationStream(RecommendationFeed feed, @Value("${report.stream.timeout:30m}") Duration timeout,
                         @Value("${report.stream.retry:3s}") Duration retry) {
        this.feed = feed;
        this.timeout = timeout;
        this.retry = retry;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(SENDERS, task -> {
            Thread thread = new Thread(task, "stream-sender-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A stream's position; only the task that holds {@code busy} writes to the stream or moves the position. */
    private static final class Subscriber {
        final SseEmitter emitter;
        final String bodyId;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile long lastSent;

        Subscriber(SseEmitter emitter, String bodyId, long lastSent) {
            this.emitter = emitter;
            this.bodyId = bodyId;
            this.lastSent = lastSent;
        }
    }

    /** Opens a stream of recommendations after {@code lastEventId}, or of those to come when it is null. */
    public SseEmitter open(String bodyId, Long lastEventId) {
        return open(new SseEmitter(timeout.toMillis()), bodyId, lastEventId);
    }

    /** Opens the stream on the given emitter, so that a test can see what is sent on it. */
    SseEmitter open(SseEmitter emitter, String bodyId, Long lastEventId) {
        Subscriber subscriber = new Subscriber(emitter, bodyId, lastEventId != null ? lastEventId : feed.latest());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // Sends the response headers now, so the client knows at once that it is subscribed.
            emitter.send(SseEmitter.event().reconnectTime(retry.toMillis()).comment("subscribed"));
        } catch (IOException gone) {
            return emitter;
        }
        subscribers.add(subscriber);
        if (lastEventId != null) {
            // What it missed is sent now, not at the next round.
            hand(subscriber, () -> catchUp(subscriber));
        }
        return emitter;
    }

    /** Hands every subscriber what is new for it, reading the feed once for all that are up to date. */
    @Scheduled(fixedDelayString = "${report.stream.poll-interval:1s}")
    synchronized void sendWhatIsNew() {
        if (subscribers.isEmpty()) {
            head = -1;
            return;
        }
        if (head < 0) {
            head = feed.latest();
        }
        while (true) {
            long from = head;
            List<FeedEntry> entries = feed.after(from, null, BATCH);
            long last = entries.isEmpty() ? from : entries.get(entries.size() - 1).seq();
            for (Subscriber subscriber : subscribers) {
                // Even when nothing is new: one left behind by a round that passed over it is seen.
                if (!entries.isEmpty() || subscriber.lastSent < from) {
                    hand(subscriber, () -> sendLive(subscriber, from, entries, last));
                }
            }
            head = last;
            if (entries.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * Ends every stream when the service shuts down, so that graceful shutdown does not wait out its timeout on
     * them; clients reconnect with {@code Last-Event-ID} and lose nothing.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        senders.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
    }

    @Scheduled(fixedDelayString = "${report.stream.heartbeat:15s}")
    void keepAlive() {
        // A subscriber that is busy is being written to already, or is stuck and will be dropped when its write fails.
        subscribers.forEach(subscriber -> hand(subscriber, () -> send(subscriber,
                SseEmitter.event().comment("keep-alive"))));
    }

    /**
     * Runs the work on a sender unless the subscriber already has a task running; then the subscriber misses this
     * round, and the next one finds it behind.
     */
    private void hand(Subscriber subscriber, Runnable work) {
        if (!subscriber.busy.compareAndSet(false, true)) {
            return;
        }
        try {
            senders.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The next round finds it still behind and tries again.
                    log.warn("Sending to a stream subscriber failed: {}", e.toString());
                } finally {
                    subscriber.busy.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            subscriber.busy.set(false);
        }
    }

    /**
     * Sends the subscriber the entries of the live round, which follow entry {@code from}, if it has had everything up
     * to there; one further back would be marked as having seen {@code last} without being sent what lies between, so
     * it catches up instead.
     */
    private void sendLive(Subscriber subscriber, long from, List<FeedEntry> entries, long last) {
        if (subscriber.lastSent < from) {
            catchUp(subscriber);
        } else if (send(subscriber, entries)) {
            subscriber.lastSent = Math.max(subscriber.lastSent, last);
        }
    }

    /** Reads and sends the subscriber's entries from its own position until it has had all there were. */
    private void catchUp(Subscriber subscriber) {
        while (subscribers.contains(subscriber)) {
            // Entries commit in the order of their numbers, so every entry up to `latest` is there to be read.
            long latest = feed.latest();
            List<FeedEntry> entries = feed.after(subscriber.lastSent, subscriber.bodyId, BATCH);
            if (!send(subscriber, entries)) {
                return;
            }
            if (entries.size() < BATCH) {
                subscriber.lastSent = Math.max(subscriber.lastSent, latest);
                return;
            }
        }
    }

    /** Sends the entries after the subscriber's last, of its body, and records each as sent; false once it is gone. */
    private boolean send(Subscriber subscriber, List<FeedEntry> entries) {
        for (FeedEntry entry : entries) {
            if (entry.seq() > subscriber.lastSent
                    && (subscriber.bodyId == null || subscriber.bodyId.equals(entry.bodyId()))) {
                if (!send(subscriber, SseEmitter.event().id(Long.toString(entry.seq()))
                        .name("RecommendationAdopted").data(entry.payload()))) {
                    return false;
                }
                subscriber.lastSent = entry.seq();
            }
        }
        return true;
    }

    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            log.debug("SSE subscriber gone: {}", gone.getMessage());
            subscribers.remove(subscriber);
            return false;
        }
    }
}
