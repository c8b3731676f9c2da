package org.mandatetracker.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mandatetracker.testsupport.InfrastructureChoice;
import org.mandatetracker.testsupport.LocalPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Records that arrive while the database is away are retried until it is back, then applied; none is parked,
 * however long the outage outlasts the retries a failing record gets. The service is ready again afterwards.
 */
@ReportServiceIntegrationTest
class DatabaseOutageIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void recordsArrivingDuringAnOutageAreAppliedWhenTheDatabaseIsBackAndNoneIsParked() throws Exception {
        assumeTrue(InfrastructureChoice.current() == InfrastructureChoice.LOCAL,
                "the outage is made on the local PostgreSQL; a container's would need its own superuser connection");
        Publisher publisher = new Publisher(kafka, json, admin);
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 6);
        publisher.send(publisher.dissolved(prefix + "-before"));
        await().atMost(Duration.ofSeconds(60)).until(() -> facts(prefix) == 1);
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();

        try (AutoCloseable outage = LocalPostgres.outage(database)) {
            List<ProducerRecord<String, byte[]>> during = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                during.add(publisher.dissolved(prefix + "-" + i));
            }
            publisher.send(during);
            Thread.sleep(OUTAGE.toMillis());
        }

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(facts(prefix)).isEqualTo(7);
            assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM parked_record WHERE record_key LIKE ?").param(prefix + "-%")
                .query(Long.class).single()).as("records parked for the outage").isZero();
    }


    private long facts(String prefix) {
        return jdbc.sql("SELECT count(*) FROM fact WHERE body_id LIKE ?").param(prefix + "-%").query(Long.class)
                .single();
    }
}
