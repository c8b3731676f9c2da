package org.mandatetracker.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real column types Flyway gave Axon's tables on PostgreSQL. A write service's integration tests inherit these
 * checks by extending this class under the service's own test annotation.
 */
public abstract class AxonSchemaContract {

    private static final List<String> AXON_TABLES = List.of("domainevententry", "snapshotevententry", "tokenentry",
            "deadletterentry");

    @Autowired
    protected JdbcClient jdbc;

    @Test
    void noAxonColumnIsALargeObject() {
        List<String> oidColumns = jdbc.sql("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name IN (:tables)
                          AND (data_type = 'oid' OR udt_name = 'oid')""")
                .param("tables", AXON_TABLES).query(String.class).list();
        assertThat(oidColumns).isEmpty();
    }

    @Test
    void payloadMetadataAndTokenColumnsAreBytea() {
        Map<String, String> types = jdbc.sql("""
                        SELECT table_name || '.' || column_name AS name, data_type FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name IN (:tables)""")
                .param("tables", AXON_TABLES)
                .query((rs, n) -> Map.entry(rs.getString("name"), rs.getString("data_type"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(types).containsEntry("domainevententry.payload", "bytea")
                .containsEntry("domainevententry.metadata", "bytea")
                .containsEntry("snapshotevententry.payload", "bytea")
                .containsEntry("snapshotevententry.metadata", "bytea")
                .containsEntry("tokenentry.token", "bytea")
                .containsEntry("deadletterentry.payload", "bytea")
                .containsEntry("deadletterentry.metadata", "bytea")
                .containsEntry("deadletterentry.token", "bytea")
                .containsEntry("deadletterentry.diagnostics", "bytea");
    }

    @Test
    void theGlobalIndexSequenceAllocatesOneAtATime() {
        Map<String, Object> sequence = jdbc.sql("""
                        SELECT increment_by, cache_size FROM pg_sequences
                        WHERE sequencename = pg_get_serial_sequence('domainevententry', 'globalindex')::regclass::text
                           OR schemaname || '.' || sequencename =
                              pg_get_serial_sequence('domainevententry', 'globalindex')""")
                .query().singleRow();
        assertThat(sequence.get("increment_by")).isEqualTo(1L);
        assertThat(sequence.get("cache_size")).isEqualTo(1L);
    }

    @Test
    void flywayOwnsTheSchema() {
        List<String> applied = jdbc.sql("SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list();
        assertThat(applied).startsWith("V1__axon_event_store.sql", "V2__processed_events.sql");
    }
}
