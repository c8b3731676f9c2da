package org.mandatetracker.report.subscription;

import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * New recommendations in the order they were projected. A recommendation enters once, in the transaction that
 * stores its fact, together with one pending webhook delivery per matching subscription.
 */
@Component
public class RecommendationFeed {

    /** The PostgreSQL notification channel that says the feed has grown. */
    public static final String CHANNEL = "recommendation_feed";
    /**
     * Taken before an entry is numbered and held until its transaction commits, so entries commit in the order of
     * their numbers, whichever replica or consumer writes them. Otherwise a stream that has sent entry 11 would never
     * send entry 10, committed a moment later by another writer.
     */
    static final long APPEND_LOCK = 0x6665656420L;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    RecommendationFeed(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A recommendation to enter: its fact's event id, and when it was recorded. */
    public record Entry(String eventId, RecommendationAdopted recommendation, Instant recordedAt) {
    }

    /**
     * Enters these recommendations, in their order, skipping any already there, with their pending deliveries: one
     * statement for a whole poll, since a fact log holds as many recommendations as anything else.
     */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(APPEND_LOCK).query(Integer.class).single();
        long added = jdbc.sql("""
                        WITH added AS (
                          INSERT INTO recommendation_feed (event_id, body_id, recorded_at, payload)
                          SELECT event_id, body_id, CAST(recorded_at AS timestamptz), CAST(payload AS jsonb)
                          FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                            WITH ORDINALITY AS entry (event_id, body_id, recorded_at, payload, n)
                          ORDER BY n
                          ON CONFLICT (event_id) DO NOTHING RETURNING seq, body_id),
                        deliveries AS (
                          INSERT INTO delivery (subscription_id, feed_seq, state)
                          SELECT s.id, a.seq, 'PENDING' FROM added a
                          JOIN subscription s ON s.body_id IS NULL OR s.body_id = a.body_id)
                        SELECT count(*) FROM added""")
                .params(column(entries, Entry::eventId), column(entries, e -> e.recommendation().bodyId()),
                        column(entries, e -> e.recordedAt().toString()),
                        column(entries, e -> json.write(e.recommendation())))
                .query(Long.class).single();
        if (added > 0) {
            // Delivered to every listening replica when this transaction commits, never before.
            jdbc.sql("NOTIFY " + CHANNEL).update();
        }
    }

    private static String[] column(List<Entry> entries, Function<Entry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }

    /** Up to {@code limit} entries after {@code seq}, of one body's meetings or of all when {@code bodyId} is null. */
    public List<FeedEntry> after(long seq, String bodyId, int limit) {
        // Two statements, so that each keeps a plan of its own: one body's entries come by its index.
        var statement = bodyId == null
                ? jdbc.sql("""
                        SELECT seq, event_id, body_id, recorded_at, payload FROM recommendation_feed
                        WHERE seq > ? ORDER BY seq LIMIT ?""").params(seq, limit)
                : jdbc.sql("""
                        SELECT seq, event_id, body_id, recorded_at, payload FROM recommendation_feed
                        WHERE body_id = ? AND seq > ? ORDER BY seq LIMIT ?""").params(bodyId, seq, limit);
        return statement
                .query((rs, n) -> new FeedEntry(rs.getLong("seq"), rs.getString("event_id"), rs.getString("body_id"),
                        rs.getTimestamp("recorded_at").toInstant(), json.tree(rs.getString("payload"))))
                .list();
    }

    public long latest() {
        return jdbc.sql("SELECT COALESCE(max(seq), 0) FROM recommendation_feed").query(Long.class).single();
    }
}
