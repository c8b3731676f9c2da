package org.mandatetracker.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small write load through the gateway for the end-to-end test's one fault: clients establish bodies, confer
 * mandates on them and adopt recommendations at a held meeting, each command with an id they chose and sent again
 * with it until answered 2xx. Afterwards each acknowledged command is counted in its event store and in
 * report-service's fact log, straight from the databases. (The full matrix is {@code deploy/faults/run}.)
 */
final class ShortFault implements AutoCloseable {

    /** One command: the event it records, on which aggregate, and for a recommendation its id. */
    record Command(String database, String eventType, String aggregateId, String itemId, String path, String json) {
        String key() {
            return aggregateId + "/" + eventType + (itemId == null ? "" : "/" + itemId);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String gateway;
    private final String token;
    private final String prefix;
    private final String meeting;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    final ConcurrentLinkedQueue<Command> acknowledged = new ConcurrentLinkedQueue<>();
    final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();

    ShortFault(String gateway, String token, String prefix, String meeting) {
        this.gateway = gateway;
        this.token = token;
        this.prefix = prefix;
        this.meeting = meeting;
    }

    void start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            int client = i;
            Thread thread = new Thread(() -> client(client), "short-fault-" + client);
            thread.setDaemon(true);
            thread.start();
            clients.add(thread);
        }
    }

    private void client(int client) {
        for (int round = 0; running.get(); round++) {
            String body = prefix + "-c" + client + "-" + round;
            List<Command> commands = List.of(
                    new Command("mandate_service", "BodyEstablished", body, null, "/api/bodies", """
                            {"id": "%s", "name": "Short fault body", "shortName": "SFB", "kind": "WORKING_GROUP",
                             "establishedOn": "2020-01-06",
                             "establishedBy": {"document": "E2E/FAULT", "paragraph": "1"}}"""
                            .formatted(body)),
                    new Command("mandate_service", "MandateConferred", body + "-m", null,
                            "/api/bodies/" + body + "/mandates", """
                            {"id": "%s", "task": "To report under faults", "deadline": {"form": "standing"},
                             "conferredOn": "2020-01-06", "source": {"document": "E2E/FAULT", "paragraph": "2"}}"""
                            .formatted(body + "-m")),
                    new Command("meeting_service", "RecommendationAdopted", meeting, body + "-rec",
                            "/api/meetings/" + meeting + "/recommendations", """
                            {"id": "%s", "text": "A recommendation recorded under a fault",
                             "addressee": {"description": "States parties"}, "reportSymbol": "CTOC/COP/WG.4/2011/8",
                             "adoptedOn": "2011-10-12", "source": {"document": "CTOC/COP/WG.4/2011/8"}}"""
                            .formatted(body + "-rec")));
            for (Command command : commands) {
                if (!sendUntilAcknowledged(command) || !pause(250)) {
                    return;
                }
            }
        }
    }

    private boolean sendUntilAcknowledged(Command command) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + command.path()))
                        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(command.json())).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() / 100 == 2) {
                    acknowledged.add(command);
                    return true;
                }
                if (response.statusCode() != 429 && response.statusCode() < 500) {
                    refused.add(command.key() + ": " + response.statusCode() + " " + response.body());
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                statuses.merge(-1, 1, Integer::sum);
            }
            if (!pause(300)) {
                return false;
            }
        }
        refused.add(command.key() + ": never acknowledged");
        return false;
    }

    /** A steady load, not a flood: a restarting service on a small machine needs the processor too. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets the commands in flight finish, and stops. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(90_000);
        }
    }

    /** How often each key of this load's commands is in one database's table. */
    static Map<String, Integer> counts(String database, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                "postgres", null); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String item = rows.getString(3);
                counts.merge(rows.getString(1) + "/" + rows.getString(2) + (item == null ? "" : "/" + item),
                        rows.getInt(4), Integer::sum);
            }
        }
        return counts;
    }

    /** Counts of the load's commands in the mandate and meeting event stores. */
    Map<String, Integer> eventStores(String suffix) throws SQLException {
        String sql = """
                SELECT aggregateidentifier, substring(payloadtype from '[^.]+$'),
                       convert_from(payload, 'UTF8')::jsonb ->> 'recommendationId', count(*)
                FROM domainevententry
                WHERE aggregateidentifier LIKE '%1$s-%%' OR (aggregateidentifier = '%2$s'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'recommendationId' LIKE '%1$s-%%')
                GROUP BY 1, 2, 3""".formatted(prefix, meeting);
        Map<String, Integer> counts = new HashMap<>(counts("mandate_service" + suffix, sql));
        counts("meeting_service" + suffix, sql).forEach((key, count) -> counts.merge(key, count, Integer::sum));
        return counts;
    }

    /** Counts of the load's commands in report-service's fact log. */
    Map<String, Integer> report(String suffix) throws SQLException {
        return counts("report_service" + suffix, """
                SELECT aggregate_id, substring(event_type from '[^.]+$'), payload ->> 'recommendationId', count(*)
                FROM fact WHERE aggregate_id LIKE '%1$s-%%' OR (aggregate_id = '%2$s'
                  AND payload ->> 'recommendationId' LIKE '%1$s-%%')
                GROUP BY 1, 2, 3""".formatted(prefix, meeting));
    }
}
