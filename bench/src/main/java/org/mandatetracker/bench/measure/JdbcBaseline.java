package org.mandatetracker.bench.measure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * What PostgreSQL alone allows: one event row per transaction into a table shaped like Axon's
 * {@code domainevententry}, in a scratch database created for the measurement and dropped after it. A command
 * stores at least this much, so this is the floor under the write services' latency and the ceiling over their rate.
 */
public final class JdbcBaseline implements AutoCloseable {

    private static final String TABLE = """
            CREATE TABLE domainevententry (
              globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
              aggregateidentifier VARCHAR(255) NOT NULL,
              sequencenumber      BIGINT       NOT NULL,
              type                VARCHAR(255),
              eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
              metadata            BYTEA,
              payload             BYTEA        NOT NULL,
              payloadrevision     VARCHAR(255),
              payloadtype         VARCHAR(255) NOT NULL,
              timestamp           VARCHAR(255),
              UNIQUE (aggregateidentifier, sequencenumber))""";
    private static final String INSERT = """
            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                                          payloadtype, timestamp)
            VALUES (?, ?, 'Mandate', ?, ?, ?, 'org.mandatetracker.mandate.api.MandateConferred', ?)""";
    private static final int EVENTS_PER_AGGREGATE = 10;

    private final String serverUrl;
    private final String user;
    private final String database;
    private final byte[] payload = filler(450);
    private final byte[] metadata = filler(150);

    public JdbcBaseline(String host, int port, String user, String suffix) throws SQLException {
        this.serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
        this.user = user;
        this.database = "bench_scratch" + suffix;
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection scratch = connect(database); Statement statement = scratch.createStatement()) {
            statement.execute(TABLE);
        }
    }

    /** Inserts events from {@code clients} connections, each its own autocommitted transaction. */
    public Measurement insertRate(int clients, Duration warmUp, Duration duration) throws Exception {
        Connection[] connections = new Connection[clients];
        PreparedStatement[] inserts = new PreparedStatement[clients];
        String[] aggregates = new String[clients];
        try {
            for (int c = 0; c < clients; c++) {
                connections[c] = connect(database);
                inserts[c] = connections[c].prepareStatement(INSERT);
            }
            return ClosedLoop.run(clients, warmUp, duration, (client, iteration, random) -> {
                long sequence = iteration % EVENTS_PER_AGGREGATE;
                if (sequence == 0 || aggregates[client] == null) {
                    aggregates[client] = UUID.randomUUID().toString();
                }
                PreparedStatement insert = inserts[client];
                insert.setString(1, aggregates[client]);
                insert.setLong(2, sequence);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, metadata);
                insert.setBytes(5, payload);
                insert.setString(6, Instant.now().toString());
                return insert.executeUpdate() == 1;
            });
        } finally {
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(serverUrl + db, user, null);
    }

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        byte[] text = "{\"task\":\"prepare a report on the implementation of the protocol\"}".getBytes(
                StandardCharsets.UTF_8);
        for (int i = 0; i < length; i++) {
            bytes[i] = text[i % text.length];
        }
        return Arrays.copyOf(bytes, length);
    }
}
