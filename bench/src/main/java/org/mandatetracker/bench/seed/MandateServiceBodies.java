package org.mandatetracker.bench.seed;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The seed reaches report-service and meeting-service through the topics, as mandate-service's relay would send it,
 * but mandate-service itself never sees it. The web application's pages ask mandate-service for a body's record, so
 * for them the seeded bodies are written into mandate-service's {@code body_view} as its projection would write
 * them (its event store stays empty: the pages only read).
 */
public final class MandateServiceBodies {

    private MandateServiceBodies() {
    }

    public static void write(String host, int port, String user, String database, Layout layout, int from, int to)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + database, user, null);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO body_view (body_id, name, short_name, kind, parent_body_id, open_ended, interim,
                                            chair_arrangement, legal_basis, established_on, established_by)
                     VALUES (?, ?, ?, ?, ?, ?, false, 'chaired by a member of the Bureau',
                             '["article 32 of the Convention"]', ?, CAST(? AS jsonb))
                     ON CONFLICT (body_id) DO NOTHING""")) {
            connection.setAutoCommit(false);
            for (int body = from; body < to; body++) {
                boolean plenary = Layout.isPlenary(body);
                insert.setString(1, layout.bodyId(body));
                insert.setString(2, "Bench body " + body);
                insert.setString(3, "BB" + body);
                insert.setString(4, plenary ? "PLENARY" : "WORKING_GROUP");
                insert.setString(5, plenary ? null : layout.bodyId(Layout.plenaryOf(body)));
                insert.setBoolean(6, !plenary);
                insert.setDate(7, Date.valueOf(layout.establishedOn(body)));
                insert.setString(8, "{\"document\": \"" + layout.establishingDecision(body) + "\", \"paragraph\": \"1\"}");
                insert.addBatch();
                if (body % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
