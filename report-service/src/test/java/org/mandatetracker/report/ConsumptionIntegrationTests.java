package org.mandatetracker.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Records report-service cannot apply are counted and parked with the reason, and the partition flows on. */
@ReportServiceIntegrationTest
class ConsumptionIntegrationTests {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void unknownTypesAndPoisonRecordsAreParkedNotFatal() {
        Publisher publisher = new Publisher(kafka, json, admin);
        String body = "body-" + UUID.randomUUID().toString().substring(0, 6);
        ProducerRecord<String, byte[]> valid = publisher.record(
                new BodyDissolved(body, LocalDate.of(2020, 1, 1), SourceCitation.of("9/9", null)), "recorder");
        RecordHeaders unknownHeaders = new RecordHeaders(valid.headers().toArray());
        unknownHeaders.remove("ce_type");
        unknownHeaders.add("ce_type", "org.mandatetracker.mandate.BodyMerged".getBytes(StandardCharsets.UTF_8));
        unknownHeaders.remove("ce_id");
        unknownHeaders.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        RecordHeaders poisonHeaders = new RecordHeaders(valid.headers().toArray());
        poisonHeaders.remove("ce_id");
        poisonHeaders.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        double parkedBefore = meters.counter("tracker.kafka.parked", "topic", MandateEventTypes.TOPIC).count();

        publisher.send(new ProducerRecord<>(MandateEventTypes.TOPIC, null, body, valid.value(), unknownHeaders));
        publisher.send(new ProducerRecord<>(MandateEventTypes.TOPIC, null, body,
                "{\"bodyId\": ".getBytes(StandardCharsets.UTF_8), poisonHeaders));
        publisher.send(valid);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM fact WHERE body_id = ?").param(body).query(Long.class).single()).isEqualTo(1));
        List<String> reasons = jdbc.sql("SELECT reason FROM parked_record WHERE record_key = ? ORDER BY \"offset\"")
                .param(body).query(String.class).list();
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).isEqualTo("unknown event type org.mandatetracker.mandate.BodyMerged");
        assertThat(reasons.get(1)).contains("ListenerExecutionFailedException");
        assertThat(meters.counter("tracker.kafka.parked", "topic", MandateEventTypes.TOPIC).count())
                .isEqualTo(parkedBefore + 2);
    }

    @Test
    void aFactPostgreSqlCannotHoldIsParkedAndTheFactsAroundItInItsBatchAreKept() {
        Publisher publisher = new Publisher(kafka, json, admin);
        String body = "hostile-" + UUID.randomUUID().toString().substring(0, 6);
        SourceCitation source = SourceCitation.of("9/9", null);
        LocalDate on = LocalDate.of(2020, 1, 1);
        List<ProducerRecord<String, byte[]>> records = List.of(
                publisher.record(new MandateConferred(body + "-before", body, "Before", new Deadline.Standing(), on,
                        source), "recorder"),
                publisher.record(new MandateConferred(body + "-nul", body, "Nul \u0000 inside",
                        new Deadline.Standing(), on, source), "recorder"),
                publisher.record(new MandateConferred(body + "-after", body, "After", new Deadline.Standing(), on,
                        source), "recorder"));
        publisher.send(records);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT mandate_id FROM mandate_version WHERE body_id = ? ORDER BY mandate_id")
                    .param(body).query(String.class).list()).containsExactly(body + "-after", body + "-before");
            assertThat(jdbc.sql("SELECT reason FROM parked_record WHERE record_key = ?").param(body + "-nul")
                    .query(String.class).list()).singleElement().asString().contains("caused by PSQLException");
        });
    }
}
