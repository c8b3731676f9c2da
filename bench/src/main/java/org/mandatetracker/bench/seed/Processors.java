package org.mandatetracker.bench.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Waits until every event processor of a write service (its relay to Kafka and its own read side) has handled every
 * event its store held when asked, read from the service's own database. A consumer group with no lag says nothing
 * of events not yet published, and a processor still working through a backlog would take the next phase's CPU.
 */
public final class Processors {

    private Processors() {
    }

    /** @return how long it took */
    public static Duration awaitProcessed(String host, int port, String user, String database, Duration stall)
            throws SQLException, InterruptedException, TimeoutException {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + database, user, null);
             Statement statement = connection.createStatement()) {
            long stored = single(statement, "SELECT COALESCE(max(globalindex), 0) FROM domainevententry");
            long handled = handled(statement);
            long lastProgress = System.nanoTime();
            while (handled < stored) {
                if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    throw new TimeoutException(database + "'s slowest event processor is at " + handled + " of "
                            + stored + " and has made no progress for " + stall);
                }
                Thread.sleep(200);
                long now = handled(statement);
                if (now > handled) {
                    lastProgress = System.nanoTime();
                }
                handled = now;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The position every segment of every processor has passed: the lowest of their tokens' indexes (0 for none). */
    private static long handled(Statement statement) throws SQLException {
        return single(statement, "SELECT COALESCE(min(CASE WHEN token IS NULL THEN 0 ELSE CAST(CAST(convert_from("
                + "token, 'UTF8') AS jsonb) ->> 'index' AS bigint) END), 0) FROM tokenentry");
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
