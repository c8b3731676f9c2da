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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent events of new recommendations. Each subscriber remembers the last feed entry it was sent and is sent
 * the next ones from the durable feed, so a client that reconnects with {@code Last-Event-ID} resumes exactly after
 * it, across restarts of this service.
 * <p>
 * Subscribers that are up to date share one read of what is new (the live round); it runs as soon as the feed grows
 * ({@link FeedNotifications}), and on a slower tick in case a notification was missed. A subscriber behind the live
 * round, one that resumed from an older event or joined while a round was reading, catches up on a pool of its own,
 * reading the feed from its own position, and rejoins the live round once it has caught up. So a client resuming far
 * back, or reading slowly while it does, holds up no one else.
 */
@Component
public class RecommendationStream {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStream.class);
    private static final int BATCH = 500;
    private static final int CATCH_UP_THREADS = 2;

    private final RecommendationFeed feed;
    private final Duration timeout;
    /** How long a client waits before reconnecting, sent with the first comment as the stream's {@code retry:}. */
    private final Duration retry;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService catchUp;
    /** The last entry the live round has read; -1 until it first reads, and again whenever no one is subscribed. */
    private long head = -1;

    RecommendationStream(RecommendationFeed feed, @Value("${report.stream.timeout:30m}") Duration timeout,
                         @Value("${report.stream.retry:3s}") Duration retry) {
        this.feed = feed;
        this.timeout = timeout;
        this.retry = retry;
        AtomicInteger n = new AtomicInteger();
        this.catchUp = Executors.newFixedThreadPool(CATCH_UP_THREADS, task -> {
            Thread thread = new Thread(task, "stream-catch-up-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A stream's position. While it catches up, only its catch-up sends to it; otherwise only the live round, holding
     * it. The flag changes only while holding it.
     */
    private static final class Subscriber {
        final SseEmitter emitter;
        final String bodyId;
        volatile long lastSent;
        volatile boolean catchingUp;

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
            synchronized (subscriber) {
                startCatchingUp(subscriber);
            }
        }
        return emitter;
    }

    /** Sends every subscriber that is up to date what is new, reading the feed once for all of them. */
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
            // Even when nothing is new: a subscriber left behind, whose catch-up ended as a round went past, is seen.
            long last = entries.isEmpty() ? from : entries.get(entries.size() - 1).seq();
            subscribers.forEach(subscriber -> sendLive(subscriber, from, entries, last));
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
        catchUp.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
    }

    @Scheduled(fixedDelayString = "${report.stream.heartbeat:15s}")
    void keepAlive() {
        subscribers.forEach(subscriber -> {
            try {
                subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
            }
        });
    }

    /**
     * Sends the subscriber the entries of the live round, which follow entry {@code from}, if it has had everything up
     * to there; one further back would be marked as having seen {@code last} without being sent what lies between, so
     * it catches up instead.
     */
    private void sendLive(Subscriber subscriber, long from, List<FeedEntry> entries, long last) {
        if (subscriber.catchingUp) {
            // Its catch-up may be blocked writing to a slow client; waiting for it would hold up the round.
            return;
        }
        synchronized (subscriber) {
            if (subscriber.catchingUp) {
                return;
            }
            if (subscriber.lastSent < from) {
                startCatchingUp(subscriber);
                return;
            }
            if (send(subscriber, entries)) {
                subscriber.lastSent = Math.max(subscriber.lastSent, last);
            }
        }
    }

    /** Called holding the subscriber; a round may have started its catch-up already, and two would send twice. */
    private void startCatchingUp(Subscriber subscriber) {
        if (subscriber.catchingUp) {
            return;
        }
        subscriber.catchingUp = true;
        try {
            catchUp.execute(() -> catchUp(subscriber));
        } catch (RejectedExecutionException shuttingDown) {
            subscriber.catchingUp = false;
        }
    }

    /** Reads and sends the subscriber's entries from its own position until it has had all there were. */
    private void catchUp(Subscriber subscriber) {
        try {
            while (subscribers.contains(subscriber)) {
                // Entries commit in the order of their numbers, so every entry up to `latest` is there to be read.
                long latest = feed.latest();
                List<FeedEntry> entries = feed.after(subscriber.lastSent, subscriber.bodyId, BATCH);
                if (!send(subscriber, entries)) {
                    return;
                }
                if (entries.size() < BATCH) {
                    synchronized (subscriber) {
                        subscriber.lastSent = Math.max(subscriber.lastSent, latest);
                        subscriber.catchingUp = false;
                    }
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The next live round finds it still behind and tries again.
            log.warn("Catching up a stream subscriber failed: {}", e.toString());
            synchronized (subscriber) {
                subscriber.catchingUp = false;
            }
        }
    }

    /**
     * Sends the entries after the subscriber's last, of its body, and records each as sent; false, and the subscriber
     * dropped, once its client has gone. Called only by whoever sends to it now (see {@link Subscriber}).
     */
    private boolean send(Subscriber subscriber, List<FeedEntry> entries) {
        try {
            for (FeedEntry entry : entries) {
                if (entry.seq() > subscriber.lastSent
                        && (subscriber.bodyId == null || subscriber.bodyId.equals(entry.bodyId()))) {
                    subscriber.emitter.send(SseEmitter.event().id(Long.toString(entry.seq()))
                            .name("RecommendationAdopted").data(entry.payload()));
                    subscriber.lastSent = entry.seq();
                }
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            log.debug("SSE subscriber gone: {}", gone.getMessage());
            subscribers.remove(subscriber);
            return false;
        }
    }
}
