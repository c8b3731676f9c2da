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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records report-service cannot apply are counted and parked with the reason, with their aggregate's later records
 * behind them, and the partition flows on; once the cause is dealt with, a retry applies what waited.
 */
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
    @Autowired
    TestRestTemplate rest;

    @Test
    void unknownTypesAndPoisonRecordsAreParkedWithTheirAggregatesLaterRecordsAndOtherAggregatesFlowOn() {
        Publisher publisher = new Publisher(kafka, json, admin);
        String body = "body-" + UUID.randomUUID().toString().substring(0, 6);
        ProducerRecord<String, byte[]> valid = publisher.record(
                new BodyDissolved(body, LocalDate.of(2020, 1, 1), SourceCitation.of("9/9", null)), "recorder");
        ProducerRecord<String, byte[]> other = publisher.record(
                new BodyDissolved(body + "-other", LocalDate.of(2020, 1, 1), SourceCitation.of("9/9", null)),
                "recorder");
        RecordHeaders unknownHeaders = new RecordHeaders(valid.headers().toArray());
        unknownHeaders.remove("ce_type");
        unknownHeaders.add("ce_type", "org.mandatetracker.mandate.BodyMerged".getBytes(StandardCharsets.UTF_8));
        unknownHeaders.remove("ce_id");
        unknownHeaders.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        RecordHeaders poisonHeaders = new RecordHeaders(valid.headers().toArray());
        poisonHeaders.remove("ce_id");
        poisonHeaders.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        double parkedBefore = meters.counter("tracker.kafka.parked", "topic", MandateEventTypes.TOPIC).count();

        publisher.send(new ProducerRecord<>(MandateEventTypes.TOPIC, null, body,
                "{\"bodyId\": ".getBytes(StandardCharsets.UTF_8), poisonHeaders));
        publisher.send(new ProducerRecord<>(MandateEventTypes.TOPIC, null, body, valid.value(), unknownHeaders));
        publisher.send(valid);
        publisher.send(new ProducerRecord<>(MandateEventTypes.TOPIC, null, body + "-unknown", valid.value(),
                withNewId(unknownHeaders)));
        publisher.send(other);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(factsOf(body + "-other")).isEqualTo(1);
            assertThat(parkedOf(body)).hasSize(3);
            assertThat(parkedOf(body + "-unknown")).hasSize(1);
        });
        List<Map<String, Object>> parked = parkedOf(body);
        assertThat((String) parked.get(0).get("reason")).contains("ListenerExecutionFailedException");
        assertThat((String) parked.get(1).get("reason")).startsWith("held back behind " + MandateEventTypes.TOPIC);
        assertThat((String) parked.get(2).get("reason")).startsWith("held back behind " + MandateEventTypes.TOPIC);
        assertThat(parkedOf(body + "-unknown").get(0).get("reason"))
                .isEqualTo("unknown event type org.mandatetracker.mandate.BodyMerged");
        assertThat(factsOf(body)).isZero();
        assertThat(meters.counter("tracker.kafka.parked", "topic", MandateEventTypes.TOPIC).count())
                .isEqualTo(parkedBefore + 4);
        assertThat(meters.get("tracker.kafka.parked.records").tag("topic", MandateEventTypes.TOPIC).gauge().value())
                .isGreaterThanOrEqualTo(3);
        assertThat(rest.getForObject("/actuator/health/readiness", String.class)).contains("parkedRecords");

        ResponseEntity<String> blocked = retry(parked.get(2));
        assertThat(blocked.getStatusCode()).as(blocked.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(factsOf(body)).isZero();

        for (Map<String, Object> record : parked.subList(0, 2)) {
            assertThat(rest.exchange(path(record), HttpMethod.DELETE, null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        ResponseEntity<String> retried = retry(parked.get(2));
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(factsOf(body)).isEqualTo(1);
        assertThat(parkedOf(body)).isEmpty();
        assertThat(retry(parked.get(2)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static RecordHeaders withNewId(RecordHeaders headers) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove("ce_id");
        copy.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private ResponseEntity<String> retry(Map<String, Object> record) {
        return rest.postForEntity(path(record) + "/retry", null, String.class);
    }

    private static String path(Map<String, Object> record) {
        return "/admin/parked/" + record.get("topic") + "/" + record.get("partition") + "/" + record.get("offset");
    }

    private long factsOf(String bodyId) {
        return jdbc.sql("SELECT count(*) FROM fact WHERE body_id = ?").param(bodyId).query(Long.class).single();
    }

    private List<Map<String, Object>> parkedOf(String key) {
        return jdbc.sql("""
                        SELECT topic, partition, "offset", reason FROM parked_record WHERE record_key = ?
                        ORDER BY "offset\"""")
                .param(key).query().listOfRows();
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
