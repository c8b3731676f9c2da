package org.mandatetracker.report.subscription;

import org.mandatetracker.support.web.InvalidRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions and their deliveries. A subscription hears of recommendations recorded after it is made, and
 * belongs to whoever made it (the gateway's {@code X-Recorded-By}): only they see, list and delete it.
 */
@Component
public class Subscriptions {

    /** A delivery of one recommendation to one subscriber, with every attempt made. */
    public record Delivery(long id, long feedSeq, String state, int attempts, Instant nextAttemptAt,
                           List<Attempt> history) {
    }

    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error) {
    }

    public record Subscription(UUID id, String url, String bodyId, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final TargetPolicy targets;

    Subscriptions(JdbcClient jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.targets = new TargetPolicy(properties.allowPrivateTargets());
    }

    public Subscription subscribe(String url, String secret, String bodyId, String createdBy) {
        targets.refusal(url).ifPresent(reason -> {
            throw new InvalidRequest("url", "webhook-target", "url " + reason);
        });
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO subscription (id, url, secret, body_id, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(id, url, secret, bodyId, createdBy).update();
        return find(id, createdBy).orElseThrow();
    }

    /** The subscription, if {@code createdBy} made it; nobody else sees it. */
    public Optional<Subscription> find(UUID id, String createdBy) {
        return jdbc.sql("SELECT id, url, body_id, created_at FROM subscription WHERE id = ? AND created_by = ?")
                .params(id, createdBy).query(this::subscription).optional();
    }

    /** The subscriptions {@code createdBy} made, oldest first. */
    public List<Subscription> madeBy(String createdBy) {
        return jdbc.sql("""
                        SELECT id, url, body_id, created_at FROM subscription WHERE created_by = ?
                        ORDER BY created_at, id""")
                .param(createdBy).query(this::subscription).list();
    }

    /** Ends the subscription with its deliveries, if {@code createdBy} made it; answers whether it did. */
    @Transactional
    public boolean delete(UUID id, String createdBy) {
        if (find(id, createdBy).isEmpty()) {
            return false;
        }
        jdbc.sql("""
                DELETE FROM delivery_attempt
                WHERE delivery_id IN (SELECT id FROM delivery WHERE subscription_id = ?)""")
                .param(id).update();
        jdbc.sql("DELETE FROM delivery WHERE subscription_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM subscription WHERE id = ?").param(id).update() == 1;
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("body_id"),
                rs.getTimestamp("created_at").toInstant());
    }

    public List<Delivery> deliveries(UUID subscriptionId) {
        return jdbc.sql("""
                        SELECT id, feed_seq, state, attempts, next_attempt_at FROM delivery
                        WHERE subscription_id = ? ORDER BY feed_seq""")
                .param(subscriptionId)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("feed_seq"), rs.getString("state"),
                        rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                        attempts(rs.getLong("id"))))
                .list();
    }

    private List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("""
                        SELECT attempt, attempted_at, status_code, error FROM delivery_attempt
                        WHERE delivery_id = ? ORDER BY attempt""")
                .param(deliveryId)
                .query((rs, n) -> new Attempt(rs.getInt("attempt"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("status_code"), rs.getString("error")))
                .list();
    }

    TargetPolicy targets() {
        return targets;
    }
}
