package org.mandatetracker.bench.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each of the load's commands is recorded: in its write service's event store, and in report-service's
 * fact log. Counted straight from the databases, by the same key the load gives each command.
 */
final class Stores {

    /** How many times one command's event is in its event store and in report-service. */
    record Counts(int eventStore, int report) {
    }

    private static final String EVENT_STORE = """
            SELECT aggregate_identifier, substring(payload_type from '[^.]+$'),
                   convert_from(payload, 'UTF8')::jsonb ->> 'recommendationId', count(*)
            FROM domain_event_entry WHERE aggregate_identifier LIKE ? GROUP BY 1, 2, 3""";
    private static final String REPORT = """
            SELECT aggregate_id, substring(event_type from '[^.]+$'), payload ->> 'recommendationId', count(*)
            FROM fact WHERE aggregate_id LIKE ? GROUP BY 1, 2, 3""";

    private final String host;
    private final int port;
    private final String user;
    private final String suffix;
    private final String prefix;

    Stores(String host, int port, String user, String suffix, String prefix) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.suffix = suffix;
        this.prefix = prefix;
    }

    /** Every key of the load's commands in report-service's fact log, with its count. */
    Map<String, Integer> report() throws SQLException {
        return counts("report_service", REPORT);
    }

    /** Every key of the load's commands in both event stores, with its count. */
    Map<String, Integer> eventStores() throws SQLException {
        Map<String, Integer> counts = new HashMap<>(counts("mandate_service", EVENT_STORE));
        counts("meeting_service", EVENT_STORE).forEach((key, count) -> counts.merge(key, count, Integer::sum));
        return counts;
    }

    /** The counts of each acknowledged command, by key. */
    Map<String, Counts> of(List<MixedLoad.Command> commands) throws SQLException {
        Map<String, Integer> stored = eventStores();
        Map<String, Integer> reported = report();
        Map<String, Counts> counts = new HashMap<>();
        for (MixedLoad.Command command : commands) {
            counts.put(command.key(), new Counts(stored.getOrDefault(command.key(), 0),
                    reported.getOrDefault(command.key(), 0)));
        }
        return counts;
    }

    private Map<String, Integer> counts(String database, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/"
                + database + suffix, user, null);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, prefix + "-%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String item = rows.getString(3);
                    String key = rows.getString(1) + "/" + rows.getString(2) + (item == null ? "" : "/" + item);
                    counts.merge(key, rows.getInt(4), Integer::sum);
                }
            }
        }
        return counts;
    }
}
