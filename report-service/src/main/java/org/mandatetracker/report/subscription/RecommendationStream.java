package org.mandatetracker.report.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-sent events of new recommendations. Each subscriber remembers the last feed entry it was sent and is sent
 * the next ones, from the durable feed, on every tick; so a client that reconnects with {@code Last-Event-ID}
 * resumes exactly after it, across restarts of this service.
 */
@Component
public class RecommendationStream {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStream.class);
    private static final int BATCH = 100;

    private final RecommendationFeed feed;
    private final Duration timeout;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    RecommendationStream(RecommendationFeed feed, @Value("${report.stream.timeout:30m}") Duration timeout) {
        this.feed = feed;
        this.timeout = timeout;
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
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, bodyId, lastEventId != null ? lastEventId : feed.latest());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${report.stream.poll-interval:200ms}")
    void sendWhatIsNew() {
        subscribers.forEach(this::send);
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

    private void send(Subscriber subscriber) {
        synchronized (subscriber) {
            try {
                for (FeedEntry entry : feed.after(subscriber.lastSent, subscriber.bodyId, BATCH)) {
                    subscriber.emitter.send(SseEmitter.event().id(Long.toString(entry.seq()))
                            .name("RecommendationAdopted").data(entry.payload()));
                    subscriber.lastSent = entry.seq();
                }
            } catch (IOException | IllegalStateException gone) {
                log.debug("SSE subscriber gone: {}", gone.getMessage());
                subscribers.remove(subscriber);
            }
        }
    }
}
