package org.mandatetracker.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates a fresh, uniquely named database on the PostgreSQL server named by {@code TEST_PG_HOST},
 * {@code TEST_PG_PORT}, {@code TEST_PG_USER} and {@code TEST_PG_PASSWORD} (defaults: 127.0.0.1, 5432, postgres, no
 * password). Databases are dropped when the JVM exits; any a killed run left behind are dropped a day later.
 */
public final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String PREFIX = "mt_test_";
    private static final Duration STALE_AFTER = Duration.ofHours(24);
    private static final List<String> created = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LocalPostgres::dropCreated, "drop-test-databases"));
    }

    private LocalPostgres() {
    }

    public static String host() {
        return env("TEST_PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("TEST_PG_PORT", "5432");
    }

    public static String user() {
        return env("TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("TEST_PG_PASSWORD", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates an empty database whose name starts with {@code mt_test_<label>_} and returns its name. */
    public static synchronized String createDatabase(String label) {
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + label.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "") + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            dropStale(statement);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + host() + ":" + port() + " as "
                    + user() + ". Is PostgreSQL running? Set TEST_PG_HOST/TEST_PG_PORT/TEST_PG_USER/TEST_PG_PASSWORD.",
                    e);
        }
        created.add(name);
        log.info("Created test database {} on {}:{}", name, host(), port());
        return name;
    }

    /**
     * Takes a test database away from its users, as an outage would: it refuses new connections and its open ones
     * are ended. Closing the returned handle gives it back.
     */
    public static AutoCloseable outage(String database) {
        if (!created.contains(database)) {
            throw new IllegalArgumentException("Only a database these tests created can be taken away: " + database);
        }
        allowConnections(database, false);
        return () -> allowConnections(database, true);
    }

    private static void allowConnections(String database, boolean allow) {
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change whether " + database + " accepts connections", e);
        }
    }

    private static void dropStale(Statement statement) throws SQLException {
        long staleBefore = Instant.now().minus(STALE_AFTER).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < staleBefore) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static synchronized void dropCreated() {
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            log.warn("Could not drop test databases {}: {}", created, e.getMessage());
        }
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
