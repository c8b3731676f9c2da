package org.mandatetracker.report.subscription;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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
import java.util.Optional;

/**
 * Sends pending deliveries: each recommendation as a CloudEvents JSON POST, signed with HMAC-SHA256 of the body under
 * the subscription's secret ({@value #SIGNATURE_HEADER}: {@code sha256=<hex>}). A failure is retried after a pause
 * that doubles each time; after the configured number of attempts the delivery is dead-lettered. Deliveries are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without sending one twice.
 */
@Component
class WebhookDispatcher {

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
    }

    @Scheduled(fixedDelayString = "${report.webhooks.poll-interval:250ms}")
    void deliverDue() {
        Boolean more;
        do {
            more = transactions.execute(status -> deliverOne());
        } while (Boolean.TRUE.equals(more));
    }

    private boolean deliverOne() {
        Optional<Due> next = jdbc.sql("""
                        SELECT d.id, d.attempts, s.url, s.secret, f.seq, f.event_id, f.body_id, f.recorded_at,
                               f.payload::text AS payload
                        FROM delivery d JOIN subscription s ON s.id = d.subscription_id
                             JOIN recommendation_feed f ON f.seq = d.feed_seq
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= now()
                        ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED""")
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getInt("attempts"), rs.getString("url"),
                        rs.getString("secret"), rs.getLong("seq"), rs.getString("event_id"), rs.getString("body_id"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("payload")))
                .optional();
        next.ifPresent(this::attempt);
        return next.isPresent();
    }

    private void attempt(Due due) {
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
        jdbc.sql("INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, status_code, error) "
                        + "VALUES (?, ?, now(), ?, ?)")
                .params(due.id(), attempt, status, error).update();
        String state = error == null ? "DELIVERED" : attempt >= properties.maxAttempts() ? "DEAD" : "PENDING";
        jdbc.sql("UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ? WHERE id = ?")
                .params(state, attempt, Timestamp.from(Instant.now().plus(backoff(attempt))), due.id()).update();
        if (error != null) {
            log.info("Webhook delivery {} attempt {} to {} failed ({}); now {}", due.id(), attempt, due.url(), error,
                    state);
        }
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
