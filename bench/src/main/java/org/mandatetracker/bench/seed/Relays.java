package org.mandatetracker.bench.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Waits until a write service's relay has sent to Kafka every event its store held when asked, read from the
 * service's own database: a consumer group with no lag says nothing of events not yet published, and a relay still
 * working through a backlog would take the next phase's CPU.
 */
public final class Relays {

    private static final String PROCESSOR = "kafka-relay";

    private Relays() {
    }

    /** @return how long it took */
    public static Duration awaitRelayed(String host, int port, String user, String database, Duration stall)
            throws SQLException, InterruptedException, TimeoutException {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + database, user, null);
             Statement statement = connection.createStatement()) {
            long stored = single(statement, "SELECT COALESCE(max(globalindex), 0) FROM domainevententry");
            long relayed = relayed(statement);
            long lastProgress = System.nanoTime();
            while (relayed < stored) {
                if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    throw new TimeoutException(database + "'s relay is at " + relayed + " of " + stored
                            + " and has made no progress for " + stall);
                }
                Thread.sleep(200);
                long now = relayed(statement);
                if (now > relayed) {
                    lastProgress = System.nanoTime();
                }
                relayed = now;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The position every segment of the relay has passed: the lowest of their tokens' indexes (0 for none yet). */
    private static long relayed(Statement statement) throws SQLException {
        return single(statement, "SELECT COALESCE(min(CASE WHEN token IS NULL THEN 0 ELSE CAST(CAST(convert_from("
                + "token, 'UTF8') AS jsonb) ->> 'index' AS bigint) END), 0) FROM tokenentry WHERE processorname = '"
                + PROCESSOR + "'");
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
