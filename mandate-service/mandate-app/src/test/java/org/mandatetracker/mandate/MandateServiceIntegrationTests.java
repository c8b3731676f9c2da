package org.mandatetracker.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.testsupport.AsyncApiContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.mandate.Api.unique;
import static org.mandatetracker.testsupport.TopicRecords.awaitRecords;
import static org.mandatetracker.testsupport.TopicRecords.header;

/** REST command to event store to Kafka to projection, on real PostgreSQL and a real broker. */
@MandateServiceIntegrationTest
class MandateServiceIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaConnectionDetails kafka;

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest, json);
    }

    @Test
    void aRecordedBodyIsStoredPublishedWithCloudEventHeadersAndProjected() {
        String copId = unique("cop");
        ResponseEntity<String> created = api.post("/bodies", Api.cop(copId),
                Map.of("X-Recorded-By", "secretariat.recorder", "X-Correlation-Id", "corr-" + copId,
                        "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/bodies/" + copId);
        assertThat(api.read(created.getBody()).get("outcome").asText()).isEqualTo("RECORDED");

        Map<String, Object> stored = jdbc.sql("""
                        SELECT eventidentifier, payloadtype, pg_typeof(payload)::text AS payload_column,
                               convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = ?""")
                .param(copId).query().singleRow();
        assertThat(stored.get("payloadtype")).isEqualTo("org.mandatetracker.mandate.api.BodyEstablished");
        assertThat(stored.get("payload_column")).isEqualTo("bytea");
        JsonNode metadata = api.read((String) stored.get("metadata"));
        assertThat(metadata.get("recordedBy").asText()).isEqualTo("secretariat.recorder");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("corr-" + copId);
        assertThat(OffsetDateTime.parse(metadata.get("recordedAt").asText())).isNotNull();

        ConsumerRecord<String, byte[]> record = awaitRecords(kafka.getBootstrapServers().get(0),
                MandateEventTypes.TOPIC, seen -> seen.stream().anyMatch(r -> copId.equals(r.key())),
                Duration.ofSeconds(60)).stream().filter(r -> copId.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(stored.get("eventidentifier"));
        assertThat(header(record, "ce_type")).isEqualTo("org.mandatetracker.mandate.BodyEstablished");
        assertThat(header(record, "ce_source")).isEqualTo("/mandate-service");
        assertThat(header(record, "ce_subject")).isEqualTo(copId);
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_recordedby")).isEqualTo("secretariat.recorder");
        assertThat(header(record, "ce_correlationid")).isEqualTo("corr-" + copId);
        assertThat(header(record, "traceparent")).as("the request's trace goes on in the record")
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
        JsonNode value = api.read(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(value.get("bodyId").asText()).isEqualTo(copId);
        assertThat(value.at("/profile/shortName").asText()).isEqualTo("COP");
        assertThat(value.get("occurredOn").asText()).isEqualTo("2004-06-28");
        assertThat(value.at("/source/document").asText()).isEqualTo("A/RES/55/25");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/bodies/" + copId).getStatusCode()).isEqualTo(HttpStatus.OK));
        JsonNode body = api.read(api.get("/bodies/" + copId).getBody());
        assertThat(body.get("shortName").asText()).isEqualTo("COP");
        assertThat(body.get("kind").asText()).isEqualTo("PLENARY");
        assertThat(body.at("/establishedBy/document").asText()).isEqualTo("A/RES/55/25");

        JsonNode events = api.read(api.get("/bodies/" + copId + "/events").getBody());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("BodyEstablished");
        assertThat(events.get(0).at("/metadata/recordedBy").asText()).isEqualTo("secretariat.recorder");
        assertThat(events.get(0).at("/payload/profile/name").asText()).startsWith("Conference of the Parties");
    }

    @Test
    void theWorkedExamplesMandatesAreRecordedAndProjected() {
        String copId = unique("cop");
        String wgId = unique("wg");
        assertThat(api.post("/bodies", Api.cop(copId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("/bodies", Api.workingGroup(wgId, copId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String advise = confer(wgId, """
                {"task": "Advise and assist the Conference in the implementation of its mandate with regard to the \
                Trafficking in Persons Protocol", "deadline": {"form": "standing"}, "conferredOn": "2008-10-17",
                 "source": {"document": "4/4", "paragraph": "2"}}""");
        String meeting = confer(wgId, """
                {"task": "Hold at least one intersessional meeting prior to the sixth session of the Conference",
                 "deadline": {"form": "before-session", "bodyId": "%s", "session": 6}, "conferredOn": "2010-10-22",
                 "source": {"document": "5/2", "paragraph": "3 (a)"}}""".formatted(copId));
        String recommendations = confer(wgId, """
                {"task": "Present recommendations on whether the Working Group should be extended and on proposed \
                areas of future work", "deadline": {"form": "at-session", "bodyId": "%s", "session": 6},
                 "conferredOn": "2010-10-22", "source": {"document": "5/2", "paragraph": "3 (b)"}}"""
                .formatted(copId));

        ResponseEntity<String> fulfilled = api.post("/mandates/" + meeting + "/fulfilment", """
                {"evidence": {"meetingId": "wg-tip-2011-10"}, "fulfilledOn": "2011-10-12",
                 "source": {"document": "CTOC/COP/WG.4/2011/8"}}""");
        assertThat(fulfilled.getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> read = api.get("/mandates/" + meeting);
            assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
            JsonNode mandate = api.read(read.getBody());
            assertThat(mandate.path("recording").asText()).isEqualTo("CLOSED_FULFILLED");
            assertThat(mandate.has("status")).as("the status is report-service's").isFalse();
            assertThat(mandate.at("/evidence/meetingId").asText()).isEqualTo("wg-tip-2011-10");
            assertThat(mandate.at("/deadline/form").asText()).isEqualTo("before-session");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode wg = api.read(api.get("/bodies/" + wgId).getBody());
            assertThat(wg.path("parentBodyId").asText()).isEqualTo(copId);
            assertThat(wg.get("mandates").findValuesAsText("id")).containsExactlyInAnyOrder(advise, meeting,
                    recommendations);
            for (JsonNode mandate : wg.get("mandates")) {
                assertThat(mandate.path("recording").asText()).as(mandate.get("id").asText())
                        .isEqualTo(mandate.get("id").asText().equals(meeting) ? "CLOSED_FULFILLED" : "OPEN_TO_CHANGE");
                assertThat(mandate.has("status")).isFalse();
            }
        });
        assertRecordsMatchTheAsyncApiDocument(List.of(copId, wgId, advise, meeting, recommendations), 6);
    }

    /** Every record the relay published for the worked example's facts matches the served AsyncAPI document. */
    private void assertRecordsMatchTheAsyncApiDocument(List<String> keys, int expected) {
        List<ConsumerRecord<String, byte[]>> records = awaitRecords(kafka.getBootstrapServers().get(0),
                MandateEventTypes.TOPIC, seen -> seen.stream().filter(r -> keys.contains(r.key())).count() >= expected,
                Duration.ofSeconds(60)).stream().filter(r -> keys.contains(r.key())).toList();
        AsyncApiContract.assertConforms(api.read(api.get("/asyncapi.json").getBody()), MandateEventTypes.TOPIC,
                records, json);
        assertThat(records).extracting(r -> header(r, "ce_type")).contains(MandateEventTypes.typeOf(
                BodyEstablished.class), MandateEventTypes.typeOf(MandateConferred.class),
                MandateEventTypes.typeOf(MandateFulfilled.class));
    }

    @Test
    void repeatingACreationReplaysItButDifferentContentUnderTheSameIdConflicts() {
        String copId = unique("cop");
        assertThat(api.post("/bodies", Api.cop(copId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> again = api.post("/bodies", Api.cop(copId));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.read(again.getBody()).get("outcome").asText()).isEqualTo("UNCHANGED");

        ResponseEntity<String> different = api.post("/bodies", Api.cop(copId).replace("2004-06-28", "2004-06-29"));
        assertThat(different.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(different.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(api.read(different.getBody()).at("/errors/0/field").asText()).isEqualTo("id");

        assertThat(eventsOf(copId)).isEqualTo(1);
    }

    @Test
    void aMandateCannotBeConferredOnADissolvedBody() {
        String copId = unique("cop");
        api.post("/bodies", Api.cop(copId));
        ResponseEntity<String> dissolved = api.post("/bodies/" + copId + "/dissolution",
                "{\"dissolvedOn\": \"2020-01-01\", \"source\": {\"document\": \"A/RES/74/1\"}}");
        assertThat(dissolved.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> again = api.post("/bodies/" + copId + "/dissolution",
                "{\"dissolvedOn\": \"2020-01-02\", \"source\": {\"document\": \"A/RES/74/1\"}}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<String> conferral = api.post("/bodies/" + copId + "/mandates", """
                {"task": "Too late", "deadline": {"form": "standing"}, "conferredOn": "2021-01-01",
                 "source": {"document": "1/1"}}""");
        assertThat(conferral.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = api.read(conferral.getBody());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("bodyId");
        assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("body-not-dissolved");
        assertThat(eventsOf(copId)).isEqualTo(2);
    }

    @Test
    void aBodyWithManyEventsIsSnapshottedAndStillLoads() {
        String copId = unique("cop");
        assertThat(api.post("/bodies", Api.cop(copId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (int i = 1; i <= 55; i++) {
            ResponseEntity<String> renamed = api.post("/bodies/" + copId + "/renaming", rename(i));
            assertThat(renamed.getStatusCode()).as(renamed.getBody()).isEqualTo(HttpStatus.OK);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?").param(copId)
                .query(Long.class).single()).isPositive());

        ResponseEntity<String> again = api.post("/bodies/" + copId + "/renaming", rename(55));
        assertThat(api.read(again.getBody()).get("outcome").asText()).as("state rebuilt from the snapshot")
                .isEqualTo("UNCHANGED");
        assertThat(api.post("/bodies/" + copId + "/renaming", rename(56)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String rename(int i) {
        return "{\"name\": \"Conference, name " + i + "\", \"shortName\": \"COP " + i
                + "\", \"renamedOn\": \"2010-01-01\", \"source\": {\"document\": \"1/" + i + "\"}}";
    }

    @Test
    void operationsEndpointsAnswer() {
        String copId = unique("cop");
        api.post("/bodies", Api.cop(copId));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/bodies/" + copId).getStatusCode().is2xxSuccessful());

        assertThat(api.get("/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
        String prometheus = api.get("/actuator/prometheus").getBody();
        assertThat(prometheus).contains("processorName=\"kafka-relay\"", "processorName=\"mandate-projection\"");
        assertThat(prometheus).as("histogram buckets, to aggregate across replicas")
                .contains("http_server_requests_seconds_bucket{").containsPattern("commandBus_\\w+_bucket\\{");
        assertThat(System.getProperty("axoniq.update-checker.disabled")).as("Axon's update checker").isEqualTo("true");
        JsonNode openApi = api.read(api.get("/v3/api-docs").getBody());
        List<String> paths = List.of("/bodies", "/bodies/{id}", "/bodies/{id}/events", "/bodies/{id}/mandates",
                "/bodies/{id}/renaming", "/bodies/{id}/dissolution", "/bodies/{id}/correction", "/mandates/{id}",
                "/mandates/{id}/extension", "/mandates/{id}/fulfilment", "/mandates/{id}/task-amendment",
                "/mandates/{id}/termination", "/mandates/{id}/supersession");
        paths.forEach(path -> assertThat(openApi.get("paths").has(path)).as(path).isTrue());
    }

    private String confer(String bodyId, String request) {
        ResponseEntity<String> response = api.post("/bodies/" + bodyId + "/mandates", request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.read(response.getBody()).get("id").asText();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(aggregateId)
                .query(Long.class).single();
    }
}
