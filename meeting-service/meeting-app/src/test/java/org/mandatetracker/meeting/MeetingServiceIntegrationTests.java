package org.mandatetracker.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.testsupport.AsyncApiContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.meeting.Harness.unique;
import static org.mandatetracker.testsupport.TopicRecords.awaitRecords;
import static org.mandatetracker.testsupport.TopicRecords.header;

/** Bodies arrive over Kafka; meetings are recorded over HTTP and published to {@code meeting.events.v1}. */
@MeetingServiceIntegrationTest
class MeetingServiceIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    KafkaConnectionDetails broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    GlobalMetricRegistry axonMetrics;

    private Harness harness;

    @BeforeEach
    void setUp() {
        harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
    }

    private static String scheduling(String id, String bodyId, Integer session) {
        return """
                {"id": "%s", "bodyId": "%s", "title": "Meeting of the Working Group", "session": %s,
                 "kind": "INTERSESSIONAL", "venue": "Vienna", "plannedStart": "2011-10-10",
                 "plannedEnd": "2011-10-12", "scheduledOn": "2011-03-01",
                 "source": {"document": "5/2", "paragraph": "4"}}""".formatted(id, bodyId, session);
    }

    @Test
    void aBodyPublishedByMandateServiceCanMeetAndItsOutcomesArePublished() {
        String wg = unique("wg");
        String meeting = unique("meeting");

        // Once the directory has read every body on the topic (other tests publish too), an unknown body is refused.
        ResponseEntity<String> tooEarly = await().atMost(Duration.ofSeconds(60)).until(
                () -> harness.post("/meetings", scheduling(meeting, wg, null)),
                answer -> answer.getStatusCode() == HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = harness.read(tooEarly.getBody());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("bodyId");
        assertThat(problem.get("detail").asText()).contains("retry");

        harness.publishBody(wg, "Working Group on Trafficking in Persons", LocalDate.of(2008, 10, 17));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                harness.post("/meetings", scheduling(meeting, wg, null)).getStatusCode()).isEqualTo(HttpStatus.CREATED));

        assertThat(harness.post("/meetings/" + meeting + "/held", """
                {"heldFrom": "2011-10-10", "heldTo": "2011-10-12", "source": {"document": "CTOC/COP/WG.4/2011/8"}}""")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> recommended = harness.post("/meetings/" + meeting + "/recommendations", """
                {"id": "%s-rec-1", "text": "The Working Group should be extended.",
                 "addressee": {"description": "Conference of the Parties"}, "paragraph": "1",
                 "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-12",
                 "source": {"document": "CTOC/COP/WG.4/2011/8", "paragraph": "1"}}""".formatted(meeting));
        assertThat(recommended.getStatusCode()).as(recommended.getBody()).isEqualTo(HttpStatus.OK);

        List<ConsumerRecord<String, byte[]>> published = awaitRecords(broker.getBootstrapServers().get(0),
                MeetingEventTypes.TOPIC, seen -> seen.stream().filter(r -> meeting.equals(r.key())).count() >= 3,
                Duration.ofSeconds(60)).stream().filter(r -> meeting.equals(r.key())).toList();
        assertThat(published).extracting(r -> header(r, "ce_type")).containsExactly(
                "org.mandatetracker.meeting.MeetingScheduled", "org.mandatetracker.meeting.MeetingHeld",
                "org.mandatetracker.meeting.RecommendationAdopted");
        List<String> storedIds = jdbc.sql(
                        "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(meeting).query(String.class).list();
        for (int i = 0; i < published.size(); i++) {
            ConsumerRecord<String, byte[]> record = published.get(i);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(storedIds.get(i));
            assertThat(header(record, "ce_source")).isEqualTo("/meeting-service");
            assertThat(header(record, "ce_subject")).isEqualTo(meeting);
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "ce_recordedby")).isEqualTo("meeting-recorder");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
        }
        AsyncApiContract.assertConforms(harness.read(harness.get("/asyncapi.json").getBody()),
                MeetingEventTypes.TOPIC, published, json);
        JsonNode recommendation = harness.read(new String(published.get(2).value(), StandardCharsets.UTF_8));
        assertThat(recommendation.get("reportSymbol").asText()).isEqualTo("CTOC/COP/WG.4/2011/8");
        assertThat(recommendation.at("/addressee/description").asText()).isEqualTo("Conference of the Parties");
        assertThat(recommendation.get("bodyId").asText()).isEqualTo(wg);
    }

    @Test
    void aSessionNumberIsScheduledOncePerBody() {
        String cop = unique("cop");
        harness.publishBody(cop, "Conference of the Parties", LocalDate.of(2004, 6, 28));
        String first = unique("cop-6");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                harness.post("/meetings", scheduling(first, cop, 6)).getStatusCode()).isEqualTo(HttpStatus.CREATED));

        ResponseEntity<String> second = harness.post("/meetings", scheduling(unique("cop-6-again"), cop, 6));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(harness.read(second.getBody()).at("/errors/0/field").asText()).isEqualTo("session");
        assertThat(harness.post("/meetings", scheduling(first, cop, 6)).getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> session = harness.get("/bodies/" + cop + "/sessions/6");
            assertThat(session.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(harness.read(session.getBody()).get("id").asText()).isEqualTo(first);
        });
        JsonNode listed = harness.read(harness.get("/meetings?body=" + cop + "&from=2011-10-12&to=2011-12-31")
                .getBody());
        assertThat(listed.findValuesAsText("id")).containsExactly(first);
        JsonNode none = harness.read(harness.get("/meetings?body=" + cop + "&from=2011-10-13").getBody());
        assertThat(none).isEmpty();
    }

    @Test
    void theMeetingsListIsPagedInDateOrderAndRefusesAPageTooLarge() {
        String body = unique("paged");
        harness.publishBody(body, "A body that meets often", LocalDate.of(2004, 6, 28));
        List<String> ids = List.of(unique("m-a"), unique("m-b"), unique("m-c")).stream().sorted().toList();
        for (int i = 0; i < ids.size(); i++) {
            String meeting = ids.get(i);
            int session = i + 1;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    harness.post("/meetings", scheduling(meeting, body, session)).getStatusCode().is2xxSuccessful())
                    .isTrue());
        }

        // The list is a projection: page it once all three have reached it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                harness.read(harness.get("/meetings?body=" + body).getBody()).findValuesAsText("id"))
                .containsExactlyElementsOf(ids));
        ResponseEntity<String> first = harness.get("/meetings?body=" + body + "&size=2");
        assertThat(harness.read(first.getBody()).findValuesAsText("id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.getHeaders().getFirst("Link")).contains("page=1").contains("rel=\"next\"");
        ResponseEntity<String> second = harness.get("/meetings?body=" + body + "&size=2&page=1");
        assertThat(harness.read(second.getBody()).findValuesAsText("id")).containsExactly(ids.get(2));
        assertThat(second.getHeaders().getFirst("Link")).doesNotContain("rel=\"next\"").contains("rel=\"prev\"");

        ResponseEntity<String> tooLarge = harness.get("/meetings?size=501");
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getBody()).contains("size");
    }

    @Test
    void aRedeliveredBodyEventChangesNothing() {
        String body = unique("body");
        BodyEstablished established = new BodyEstablished(body, new BodyProfile(
                "First name", "FN", BodyKind.OTHER, null, false, false, null, null),
                LocalDate.of(2008, 1, 1), SourceCitation.of("1/1", null));
        ProducerRecord<String, byte[]> record = harness.mandateRecord(body, 0, established);
        harness.send(record);
        ProducerRecord<String, byte[]> renamed = harness.mandateRecord(body, 1,
                new BodyRenamed(body, "Second name", "SN", LocalDate.of(2009, 1, 1), SourceCitation.of("2/1", null)));
        harness.send(renamed);
        // Keyed like the body's records, so it is read before them.
        ProducerRecord<String, byte[]> mandateEvent = harness.mandateRecord(body, 0,
                new MandateTerminated(unique("mandate"), body, LocalDate.of(2009, 6, 1), SourceCitation.of("3/1", null)));
        harness.send(mandateEvent);
        harness.send(record);
        harness.send(renamed);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)")
                .params(ceId(record), ceId(renamed)).query(Long.class).single()).isEqualTo(2));
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(ceId(mandateEvent))
                .query(Long.class).single()).as("a mandate event is dropped before the directory's transaction")
                .isZero();
        Map<String, Object> known = jdbc.sql("SELECT name, established_on FROM known_body WHERE body_id = ?")
                .param(body).query().singleRow();
        assertThat(known.get("name")).isEqualTo("Second name");
    }

    @Test
    void recordsThatCannotBeAppliedAreParkedWithTheirBodysLaterRecordsAndARetryAppliesThem() {
        String body = unique("body");
        String other = unique("other");
        ProducerRecord<String, byte[]> unknownType = harness.mandateRecord(body, 0,
                new BodyRenamed(body, "x", "x", LocalDate.of(2009, 1, 1), SourceCitation.of("2/1", null)));
        unknownType.headers().remove("ce_type");
        unknownType.headers().add("ce_type", "org.mandatetracker.mandate.BodyMerged".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(unknownType.topic(), null, body,
                "{not json".getBytes(StandardCharsets.UTF_8), harness.mandateRecord(body, 1,
                new BodyRenamed(body, "y", "y", LocalDate.of(2009, 1, 1), SourceCitation.of("2/1", null))).headers());
        double parkedBefore = meters.counter("tracker.kafka.parked", "topic", unknownType.topic()).count();

        harness.send(unknownType);
        harness.send(poison);
        harness.publishBody(body, "Held back", LocalDate.of(2010, 1, 1));
        harness.publishBody(other, "Still applied", LocalDate.of(2010, 1, 1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(knownBodies(other)).isEqualTo(1);
            assertThat(parked(body)).hasSize(3);
        });
        List<Map<String, Object>> parked = parked(body);
        assertThat((String) parked.get(0).get("reason"))
                .contains("unknown event type org.mandatetracker.mandate.BodyMerged");
        assertThat((String) parked.get(1).get("reason")).startsWith("held back behind");
        assertThat((String) parked.get(2).get("reason")).startsWith("held back behind");
        assertThat(knownBodies(body)).isZero();
        assertThat(meters.counter("tracker.kafka.parked", "topic", unknownType.topic()).count())
                .isEqualTo(parkedBefore + 3);

        rest.delete(path(parked.get(0)));
        rest.delete(path(parked.get(1)));
        ResponseEntity<String> retried = rest.postForEntity(path(parked.get(2)) + "/retry", null, String.class);
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(knownBodies(body)).isEqualTo(1);
        assertThat(parked(body)).isEmpty();
    }

    @Test
    void theProjectionHasADeadLetterQueueWithItsMetricAndReadinessDetail() {
        String projection = "meeting-projection";
        assertThat(harness.get("/admin/dead-letters").getBody()).contains("\"" + projection + "\":[");
        ResponseEntity<String> readiness = harness.get("/actuator/health/readiness");
        assertThat(readiness.getStatusCode()).as(readiness.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"deadLetters\"", "\"" + projection + "\"", "\"eventProcessors\"",
                "\"kafkaConsumers\"", "\"parkedRecords\"", "\"db\"");
        assertThat(harness.get("/actuator/prometheus").getBody())
                .containsPattern("tracker_dead_letters\\{[^}]*queue=\"" + projection + "\"")
                .containsPattern("tracker_kafka_consumer_lag\\{[^}]*listener=\"body-directory\"")
                .containsPattern("tracker_kafka_parked_total\\{[^}]*topic=\"mandate.events.v1\"");
    }

    @Test
    void axonsMetricsMeasureCapacityOverTheLastMinute() {
        assertThat(axonMetrics.getClass().getSimpleName()).isEqualTo("OneMinuteCapacityMetrics");
        assertThat(harness.post("/meetings", scheduling(unique("meeting"), "no-such-body", null)).getStatusCode())
                .isIn(HttpStatus.UNPROCESSABLE_ENTITY, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(harness.get("/actuator/prometheus").getBody())
                .containsPattern("commandBus_capacity\\{");
    }

    private long knownBodies(String bodyId) {
        return jdbc.sql("SELECT count(*) FROM known_body WHERE body_id = ?").param(bodyId).query(Long.class).single();
    }

    private List<Map<String, Object>> parked(String key) {
        return jdbc.sql("SELECT topic, partition, \"offset\", reason FROM parked_record WHERE record_key = ? "
                + "ORDER BY \"offset\"").param(key).query().listOfRows();
    }

    private static String path(Map<String, Object> record) {
        return "/admin/parked/" + record.get("topic") + "/" + record.get("partition") + "/" + record.get("offset");
    }

    private static String ceId(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
