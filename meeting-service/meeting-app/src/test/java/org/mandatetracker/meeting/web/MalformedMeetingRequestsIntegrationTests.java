package org.mandatetracker.meeting.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandatetracker.meeting.Harness;
import org.mandatetracker.meeting.MeetingServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed meeting requests are answered 4xx with a problem naming the field, and nothing is stored. */
@MeetingServiceIntegrationTest
class MalformedMeetingRequestsIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;

    record Bad(String name, String path, String body, String field) {
    }

    private static final String SCHEDULING = """
            {"bodyId": "some-body", "title": "T", "plannedStart": "2012-10-15", "plannedEnd": "2012-10-19",
             "scheduledOn": "2012-06-21", "source": {"document": "CTOC/COP/2012/1"}}""";

    @Test
    void everyMalformedRequestIsAProblemAndNothingIsStored() {
        Harness harness = new Harness(rest, json, kafka);
        long eventsBefore = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        List<Bad> requests = List.of(
                new Bad("not JSON", "/meetings", "{", null),
                new Bad("unknown kind", "/meetings", SCHEDULING.replace("\"title\"", "\"kind\": \"PLENARY\", \"title\""),
                        "kind"),
                new Bad("session as text", "/meetings", SCHEDULING.replace("\"title\"", "\"session\": \"sixth\", \"title\""),
                        "session"),
                new Bad("session zero", "/meetings", SCHEDULING.replace("\"title\"", "\"session\": 0, \"title\""),
                        "session"),
                new Bad("missing body", "/meetings", SCHEDULING.replace("\"bodyId\": \"some-body\", ", ""), "bodyId"),
                new Bad("bad date", "/meetings", SCHEDULING.replace("2012-10-15", "2012-10-32"), "plannedStart"),
                new Bad("bad source symbol", "/meetings", SCHEDULING.replace("CTOC/COP/2012/1", "CTOC//2012"),
                        "source.document"),
                new Bad("unknown body", "/meetings", SCHEDULING, "bodyId"),
                new Bad("held on unknown meeting", "/meetings/no-such-meeting/held",
                        "{\"heldFrom\": \"2012-10-15\", \"heldTo\": \"2012-10-19\", \"source\": {\"document\": \"6/1\"}}",
                        "id"),
                new Bad("recommendation with a bad report symbol", "/meetings/m/recommendations", """
                        {"text": "t", "addressee": {"description": "States parties"}, "reportSymbol": "report 8",
                         "adoptedOn": "2011-10-12", "source": {"document": "5/2"}}""", "reportSymbol"),
                new Bad("addressee naming both", "/meetings/m/recommendations", """
                        {"text": "t", "addressee": {"bodyId": "b", "description": "States parties"},
                         "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-12",
                         "source": {"document": "5/2"}}""", "addressee"),
                new Bad("decision without a number", "/meetings/m/decisions", """
                        {"type": "DECISION", "title": "t", "adoptedOn": "2011-10-12", "source": {"document": "5/2"}}""",
                        "reference"),
                new Bad("document with a bad symbol", "/meetings/m/documents", """
                        {"symbol": "not a symbol", "title": "t", "distributedOn": "2012-06-21"}""", "symbol"),
                new Bad("date correction of unknown kind", "/meetings/m/date-correction", """
                        {"which": "ACTUAL", "startsOn": "2012-10-15", "endsOn": "2012-10-19", "reason": "r",
                         "source": {"document": "5/2"}}""", "which"));

        for (Bad bad : requests) {
            ResponseEntity<String> response = harness.post(bad.path(), bad.body());
            assertThat(response.getStatusCode().is4xxClientError()).as(bad.name() + ": " + response).isTrue();
            assertThat(response.getHeaders().getContentType()).as(bad.name()).hasToString("application/problem+json");
            JsonNode problem = harness.read(response.getBody());
            assertThat(problem.get("status").asInt()).as(bad.name()).isEqualTo(response.getStatusCode().value());
            if (bad.field() != null) {
                assertThat(problem.get("errors").findValuesAsText("field")).as(bad.name() + ": " + problem)
                        .contains(bad.field());
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single())
                .isEqualTo(eventsBefore);
        assertThat(harness.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
