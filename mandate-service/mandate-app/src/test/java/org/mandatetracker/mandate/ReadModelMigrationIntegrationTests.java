package org.mandatetracker.mandate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.query.MandateView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandates projected before {@code status} became {@code recording} keep their meaning. The service's own read-model
 * migrations run in a schema of their own, stopped at version 11 to hold rows as the old projection wrote them.
 */
@MandateServiceIntegrationTest
class ReadModelMigrationIntegrationTests {

    private final String schema = "migration_check_" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropSchema() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    private Flyway readModels(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void recordedStatusesBecomeRecordingStates() {
        readModels("11").migrate();
        Map<String, String> before = Map.of("m-open", "OPEN", "m-fulfilled", "FULFILLED",
                "m-terminated", "TERMINATED", "m-superseded", "SUPERSEDED");
        before.forEach((id, status) -> jdbc.sql("INSERT INTO " + schema + """
                .mandate_view (mandate_id, body_id, task, deadline, conferred_on, source, status)
                VALUES (?, 'wg', 'task', '{"form": "standing"}', DATE '2010-10-22', '{"document": "5/2"}', ?)""")
                .params(id, status).update());

        readModels("latest").migrate();

        Map<String, MandateView.Recording> after = Map.of("m-open", MandateView.Recording.OPEN_TO_CHANGE,
                "m-fulfilled", MandateView.Recording.CLOSED_FULFILLED,
                "m-terminated", MandateView.Recording.CLOSED_TERMINATED,
                "m-superseded", MandateView.Recording.CLOSED_SUPERSEDED);
        after.forEach((id, recording) -> assertThat(jdbc.sql("SELECT recording FROM " + schema
                        + ".mandate_view WHERE mandate_id = ?").param(id).query(String.class).single())
                .as(id).isEqualTo(recording.name()));
    }
}
