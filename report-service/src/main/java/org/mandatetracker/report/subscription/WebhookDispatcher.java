package org.mandatetracker.report.subscription;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sends pending deliveries: each recommendation as a CloudEvents JSON POST, signed with HMAC-SHA256 of the body under
 * the subscription's secret ({@value #SIGNATURE_HEADER}: {@code sha256=<hex>}). A failure is retried after a pause
 * that doubles each time; after the configured number of attempts the delivery is dead-lettered.
 * <p>
 * A receiver that hangs or fails delays nobody else: deliveries run on a bounded pool of their own, never on the
 * scheduler that SSE uses, and never inside a database transaction. A sender first takes a lease on the subscription
 * ({@code sending_until}, with {@code FOR UPDATE SKIP LOCKED}), so at most one delivery to a subscription is in flight
 * across every replica, then sends that subscription's due deliveries one after another. Each subscription has a
 * circuit breaker: a receiver that keeps failing is left alone for a while, then tried once.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final String SIGNATURE_HEADER = "X-Signature-256";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final EventFormat CLOUD_EVENTS_JSON =
            EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private record Due(long id, int attempts, String url, String secret, long seq, String eventId, String bodyId,
                       Instant recordedAt, String payload) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final TargetPolicy targets;
    private final RestClient http;
    private final CircuitBreakerRegistry breakers;
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor senders;
    private volatile ScheduledExecutorService claims;

    WebhookDispatcher(JdbcClient jdbc, TransactionTemplate transactions, WebhookProperties properties,
                      Subscriptions subscriptions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.targets = subscriptions.targets();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        senders = new ThreadPoolExecutor(properties.senders(), properties.senders(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> new Thread(r, "webhook-sender-" + n.incrementAndGet()));
        claims = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "webhook-claims"));
        claims.scheduleWithFixedDelay(this::claimAndSend, 0, properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (claims != null) {
            claims.shutdownNow();
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return claims != null && !claims.isShutdown();
    }

    /** Looks for due deliveries now, as the feed has grown; never blocks the caller. */
    void wake() {
        ScheduledExecutorService current = claims;
        if (current != null && !current.isShutdown()) {
            current.execute(this::claimAndSend);
        }
    }

    /** Leases subscriptions with due deliveries, as many as there are idle senders, and hands each to one. */
    private void claimAndSend() {
        try {
            int idle = properties.senders() - sending.size();
            if (idle <= 0) {
                return;
            }
            String[] skip = Stream.concat(sending.stream(), breakers.getAllCircuitBreakers().stream()
                            .filter(b -> b.getState() == CircuitBreaker.State.OPEN).map(CircuitBreaker::getName))
                    .toArray(String[]::new);
            List<String> leased = transactions.execute(status -> jdbc.sql("""
                            UPDATE subscription SET sending_until = now() + make_interval(secs => ?)
                            WHERE id IN (
                              SELECT s.id FROM subscription s
                              WHERE (s.sending_until IS NULL OR s.sending_until < now())
                                AND NOT (CAST(s.id AS text) = ANY(?))
                                AND EXISTS (SELECT 1 FROM delivery d WHERE d.subscription_id = s.id
                                            AND d.state = 'PENDING' AND d.next_attempt_at <= now())
                              ORDER BY s.sending_until NULLS FIRST LIMIT ? FOR UPDATE SKIP LOCKED)
                            RETURNING CAST(id AS text)""")
                    .params(lease().toSeconds(), skip, idle).query(String.class).list());
            for (String subscription : leased == null ? List.<String>of() : leased) {
                sending.add(subscription);
                senders.execute(() -> {
                    try {
                        sendDue(subscription);
                    } catch (RuntimeException e) {
                        log.warn("Sending to subscription {} failed: {}", subscription, e.toString());
                    } finally {
                        release(subscription);
                        sending.remove(subscription);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due webhook deliveries failed: {}", e.toString());
        }
    }

    /** Sends the subscription's due deliveries in turn, while its receiver answers and its breaker lets it. */
    private void sendDue(String subscription) {
        CircuitBreaker breaker = breakers.circuitBreaker(subscription);
        Optional<Due> due;
        while ((due = nextDue(subscription)).isPresent() && breaker.tryAcquirePermission()) {
            jdbc.sql("UPDATE subscription SET sending_until = now() + make_interval(secs => ?) WHERE id = ?")
                    .params(lease().toSeconds(), UUID.fromString(subscription)).update();
            long started = System.nanoTime();
            String error = attempt(due.get());
            long took = System.nanoTime() - started;
            if (error == null) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(error));
                return;
            }
        }
    }

    private Optional<Due> nextDue(String subscription) {
        return jdbc.sql("""
                        SELECT d.id, d.attempts, s.url, s.secret, f.seq, f.event_id, f.body_id, f.recorded_at,
                               f.payload::text AS payload
                        FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                             JOIN recommendation_feed f ON f.seq = d.feed_seq
                        WHERE d.subscription_id = ? AND d.state = 'PENDING' AND d.next_attempt_at <= now()
                        ORDER BY d.next_attempt_at, d.id LIMIT 1""")
                .param(UUID.fromString(subscription))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getInt("attempts"), rs.getString("url"),
                        rs.getString("secret"), rs.getLong("seq"), rs.getString("event_id"), rs.getString("body_id"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("payload")))
                .optional();
    }

    /** One attempt, outside any transaction; records it and answers why it failed, or null. */
    private String attempt(Due due) {
        int attempt = due.attempts() + 1;
        Integer status = null;
        String error = null;
        Optional<String> refused = targets.refusal(due.url());
        if (refused.isPresent()) {
            error = "url " + refused.get();
        } else {
            byte[] body = CLOUD_EVENTS_JSON.serialize(cloudEvent(due));
            try {
                status = http.post().uri(URI.create(due.url()))
                        .contentType(MediaType.parseMediaType(JsonFormat.CONTENT_TYPE))
                        .header(SIGNATURE_HEADER, "sha256=" + sign(body, due.secret()))
                        .body(body)
                        .exchange((request, response) -> response.getStatusCode().value());
                if (status < 200 || status >= 300) {
                    error = "answered " + status;
                }
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        String state = error == null ? "DELIVERED" : attempt >= properties.maxAttempts() ? "DEAD" : "PENDING";
        Integer statusCode = status;
        String failure = error;
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, status_code, error) "
                            + "VALUES (?, ?, now(), ?, ?)")
                    .params(due.id(), attempt, statusCode, failure).update();
            jdbc.sql("UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ? WHERE id = ?")
                    .params(state, attempt, Timestamp.from(Instant.now().plus(backoff(attempt))), due.id()).update();
        });
        if (error != null) {
            log.info("Webhook delivery {} attempt {} to {} failed ({}); now {}", due.id(), attempt, due.url(), error,
                    state);
        }
        return error;
    }

    private void release(String subscription) {
        jdbc.sql("UPDATE subscription SET sending_until = NULL WHERE id = ?").param(UUID.fromString(subscription))
                .update();
    }

    /** Long enough for one attempt; a replica that dies while sending holds a subscription no longer than this. */
    private Duration lease() {
        return properties.timeout().multipliedBy(2).plusSeconds(5);
    }

    private Duration backoff(int failedAttempts) {
        Duration wait = properties.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    private static CloudEvent cloudEvent(Due due) {
        return CloudEventBuilder.v1()
                .withId(due.eventId())
                .withSource(URI.create("/report-service"))
                .withType("org.mandatetracker.meeting.RecommendationAdopted")
                .withSubject(due.bodyId())
                .withTime(due.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(due.payload().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
