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

/**
 * Server-sent events of new recommendations. Each subscriber remembers the last feed entry it was sent and is sent
 * the next ones from the durable feed, so a client that reconnects with {@code Last-Event-ID} resumes exactly after
 * it, across restarts of this service. One query reads what is new for every subscriber; it runs as soon as the feed
 * grows ({@link FeedNotifications}), and on a slower tick in case a notification was missed.
 */
@Component
public class RecommendationStream {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStream.class);
    private static final int BATCH = 500;

    private final RecommendationFeed feed;
    private final Duration timeout;
    /** How long a client waits before reconnecting, sent with the first comment as the stream's {@code retry:}. */
    private final Duration retry;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    RecommendationStream(RecommendationFeed feed, @Value("${report.stream.timeout:30m}") Duration timeout,
                         @Value("${report.stream.retry:3s}") Duration retry) {
        this.feed = feed;
        this.timeout = timeout;
        this.retry = retry;
    }

    private static final class Subscriber {
        final SseEmitter emitter;
        final String bodyId;
        long lastSent;

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
        return emitter;
    }

    /** Sends every subscriber what is new for it, reading the feed once for all of them. */
    @Scheduled(fixedDelayString = "${report.stream.poll-interval:1s}")
    synchronized void sendWhatIsNew() {
        while (true) {
            // Only to those subscribed before the feed is read: one that joins meanwhile, resuming behind `from`,
            // would be marked as having seen up to `last` without being sent what lies between. The next round has it.
            Set<Subscriber> round = Set.copyOf(subscribers);
            if (round.isEmpty()) {
                return;
            }
            long from = round.stream().mapToLong(s -> s.lastSent).min().orElseThrow();
            List<FeedEntry> entries = feed.after(from, null, BATCH);
            if (entries.isEmpty()) {
                return;
            }
            long last = entries.get(entries.size() - 1).seq();
            round.forEach(subscriber -> send(subscriber, entries, last));
            if (entries.size() < BATCH && round.containsAll(subscribers)) {
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

    /** Sends the subscriber the entries it has not had, of its body; it has then seen everything up to {@code last}. */
    private void send(Subscriber subscriber, List<FeedEntry> entries, long last) {
        synchronized (subscriber) {
            try {
                for (FeedEntry entry : entries) {
                    if (entry.seq() > subscriber.lastSent
                            && (subscriber.bodyId == null || subscriber.bodyId.equals(entry.bodyId()))) {
                        subscriber.emitter.send(SseEmitter.event().id(Long.toString(entry.seq()))
                                .name("RecommendationAdopted").data(entry.payload()));
                        subscriber.lastSent = entry.seq();
                    }
                }
                subscriber.lastSent = Math.max(subscriber.lastSent, last);
            } catch (IOException | IllegalStateException gone) {
                log.debug("SSE subscriber gone: {}", gone.getMessage());
                subscribers.remove(subscriber);
            }
        }
    }
}
