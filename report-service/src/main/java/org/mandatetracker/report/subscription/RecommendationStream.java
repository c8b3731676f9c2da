package org.mandatetracker.report.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p>
 * A client that stops reading blocks its sender's write until the connection's write timeout, once its socket buffers
 * are full. Each round gives every sender stuck that way a replacement, so however many clients stop reading, the
 * others wait at most a round. The subscribers, and with them the senders, are bounded: beyond
 * {@code report.stream.max-subscribers} a new stream is refused with 503.
 */
@Component
public class RecommendationStream {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStream.class);
    private static final int BATCH = 500;
    private static final int SENDERS = 8;
    /** A write that has taken this long is to a client that stopped reading; a live one takes microseconds. */
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final URI BUSY = URI.create("urn:mandate-tracker:problem:busy");

    private final RecommendationFeed feed;
    private final Duration timeout;
    /** How long a client waits before reconnecting, sent with the first comment as the stream's {@code retry:}. */
    private final Duration retry;
    private final int maxSubscribers;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /**
     * When each running task began ({@link System#nanoTime()}), by subscriber; kept apart from {@code subscribers}
     * because one may leave the stream while its write is stuck.
     */
    private final Map<Subscriber, Long> writingSince = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor senders;
    /** The last entry the live round has read; -1 until it first reads, and again whenever no one is subscribed. */
    private long head = -1;

    public RecommendationStream(RecommendationFeed feed, @Value("${report.stream.timeout:30m}") Duration timeout,
                                @Value("${report.stream.retry:3s}") Duration retry,
                                @Value("${report.stream.max-subscribers:1000}") int maxSubscribers) {
        this.feed = feed;
        this.timeout = timeout;
        this.retry = retry;
        this.maxSubscribers = maxSubscribers;
        AtomicInteger n = new AtomicInteger();
        // Grows past SENDERS only by replacements for stuck senders; one task per subscriber bounds those.
        this.senders = new ThreadPoolExecutor(SENDERS, SENDERS + maxSubscribers, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
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
        if (subscribers.size() >= maxSubscribers) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "This service "
                    + "already streams to " + maxSubscribers + " subscribers (report.stream.max-subscribers); try "
                    + "again after Retry-After, or ask another replica");
            problem.setType(BUSY);
            problem.setTitle("Busy");
            ErrorResponseException full = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
            full.getHeaders().set("Retry-After", Long.toString(Math.max(1, retry.toSeconds())));
            throw full;
        }
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
        replaceStuckSenders();
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

    /** One sender more for each that has been writing to the same client for longer than a live write takes. */
    private void replaceStuckSenders() {
        long stuckSince = System.nanoTime() - STUCK_NANOS;
        int stuck = (int) writingSince.values().stream().filter(since -> since - stuckSince < 0).count();
        int size = Math.min(SENDERS + stuck, senders.getMaximumPoolSize());
        if (senders.getCorePoolSize() != size) {
            senders.setCorePoolSize(size);
        }
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
                writingSince.put(subscriber, System.nanoTime());
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The next round finds it still behind and tries again.
                    log.warn("Sending to a stream subscriber failed: {}", e.toString());
                } finally {
                    writingSince.remove(subscriber);
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
