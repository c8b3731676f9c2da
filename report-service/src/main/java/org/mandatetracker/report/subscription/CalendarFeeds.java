package org.mandatetracker.report.subscription;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Private calendar feeds. Calendar apps cannot send a Bearer token, so a signed-in reader gets a feed URL holding a
 * random 256-bit token instead; whoever has the URL reads the calendar, until its owner revokes it. Only a hash of
 * the token is stored.
 */
@Component
public class CalendarFeeds {

    /** A feed as its owner sees it; the token is shown once, when the feed is created. */
    public record Feed(UUID id, String bodyId, boolean includeClosed, Instant createdAt, Instant revokedAt) {
    }

    public record Created(Feed feed, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Created create(String owner, String bodyId, boolean includeClosed) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO calendar_feed (id, token_sha256, owner, body_id, include_closed) VALUES (?, ?, ?, ?, ?)")
                .params(id, sha256(token), owner, bodyId, includeClosed).update();
        return new Created(ownedBy(owner, id).orElseThrow(), token);
    }

    /** The live feed the token opens; empty for an unknown or revoked token. */
    public Optional<Feed> open(String token) {
        return jdbc.sql("SELECT * FROM calendar_feed WHERE token_sha256 = ? AND revoked_at IS NULL")
                .param(sha256(token)).query(this::feed).optional();
    }

    public List<Feed> ownedBy(String owner) {
        return jdbc.sql("SELECT * FROM calendar_feed WHERE owner = ? ORDER BY created_at").param(owner)
                .query(this::feed).list();
    }

    public Optional<Feed> ownedBy(String owner, UUID id) {
        return jdbc.sql("SELECT * FROM calendar_feed WHERE owner = ? AND id = ?").params(owner, id)
                .query(this::feed).optional();
    }

    /** Revokes the owner's feed; false if the owner has no such feed. Revoking twice changes nothing. */
    public boolean revoke(String owner, UUID id) {
        return jdbc.sql("UPDATE calendar_feed SET revoked_at = coalesce(revoked_at, now()) WHERE owner = ? AND id = ?")
                .params(owner, id).update() == 1;
    }

    private Feed feed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new Feed(rs.getObject("id", UUID.class), rs.getString("body_id"), rs.getBoolean("include_closed"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
