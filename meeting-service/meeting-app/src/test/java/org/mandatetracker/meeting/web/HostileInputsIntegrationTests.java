package org.mandatetracker.meeting.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandatetracker.meeting.Harness;
import org.mandatetracker.meeting.MeetingServiceIntegrationTest;
import org.mandatetracker.testsupport.HostileInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.meeting.Harness.unique;

/**
 * Every write and query endpoint of meeting-service gets every hostile string in every text field, path variable
 * and query parameter, every hostile date, foreign media types and repeated keys: each is a 4xx problem naming the
 * field, and not one event is stored.
 */
@MeetingServiceIntegrationTest
class HostileInputsIntegrationTests {

    private static final String SOURCE = "\"source\": {\"document\": \"5/2\", \"paragraph\": \"4\"}";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void everyHostileInputIsRefusedNamingItsFieldAndNothingIsStored() {
        Harness harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
        String wg = unique("wg");
        String meeting = unique("meeting");
        harness.publishBody(wg, "Working Group on Trafficking in Persons", LocalDate.of(2008, 10, 17));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                harness.post("/meetings", scheduling(meeting, wg)).getStatusCode()).isEqualTo(HttpStatus.CREATED));
        assertThat(harness.post("/meetings/" + meeting + "/held", """
                {"heldFrom": "2011-10-10", "heldTo": "2011-10-12", %s}""".formatted(SOURCE)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map<String, String> held = Map.of("id", meeting);

        List<HostileInputs.Case> cases = new HostileInputs()
                .post("/meetings", Map.of(), scheduling(unique("meeting"), wg))
                .post("/meetings/{id}/rescheduling", held, """
                        {"plannedStart": "2011-11-10", "plannedEnd": "2011-11-12", "reason": "Room",
                         "rescheduledOn": "2011-04-01", %s}""".formatted(SOURCE), "reason")
                .post("/meetings/{id}/held", held, """
                        {"heldFrom": "2011-10-10", "heldTo": "2011-10-13", %s}""".formatted(SOURCE))
                .post("/meetings/{id}/postponement", held, """
                        {"reason": "Funds", "postponedOn": "2011-04-01", %s}""".formatted(SOURCE), "reason")
                .post("/meetings/{id}/cancellation", held, """
                        {"reason": "Funds", "cancelledOn": "2011-04-01", %s}""".formatted(SOURCE), "reason")
                .post("/meetings/{id}/date-correction", held, """
                        {"which": "HELD", "startsOn": "2011-10-11", "endsOn": "2011-10-12", "reason": "Typo",
                         %s}""".formatted(SOURCE), "reason")
                .post("/meetings/{id}/decisions", held, """
                        {"reference": "5/9", "type": "DECISION", "title": "Trafficking",
                         "paragraphs": [{"number": "1", "text": "Decides"}], "adoptedOn": "2011-10-12", %s}"""
                        .formatted(SOURCE), "paragraphs[0].text")
                .post("/meetings/{id}/recommendations", held, """
                        {"id": "%s", "text": "States should act", "addressee": {"description": "States parties"},
                         "paragraph": "3", "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-12", %s}"""
                        .formatted(unique("rec"), SOURCE), "text")
                .post("/meetings/{id}/recommendations", held, """
                        {"text": "States should act", "addressee": {"bodyId": "%s"},
                         "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-12", %s}"""
                        .formatted(wg, SOURCE), "text")
                .post("/meetings/{id}/documents", held, """
                        {"symbol": "CTOC/COP/WG.4/2011/9", "title": "Report", "agendaItem": "2 (b)",
                         "originalLanguage": "English", "distributedOn": "2011-09-01", %s}""".formatted(SOURCE))
                .get("/meetings", Map.of(), Map.of("body", wg, "from", "2011-01-01", "to", "2011-12-31", "page", "0",
                        "size", "100"))
                .get("/meetings/{id}", held, Map.of())
                .get("/bodies/{id}/sessions/{session}", Map.of("id", wg, "session", "1"), Map.of())
                .cases();
        assertThat(cases).hasSizeGreaterThan(500);

        long eventsBefore = eventCount();
        List<HostileInputs.Answer> answers = HostileInputs.send(URI.create("http://127.0.0.1:" + port), cases,
                Map.of());

        assertThat(HostileInputs.failures(answers)).isEmpty();
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(harness.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String scheduling(String id, String bodyId) {
        return """
                {"id": "%s", "bodyId": "%s", "title": "Meeting of the Working Group", "kind": "INTERSESSIONAL",
                 "venue": "Vienna", "plannedStart": "2011-10-10", "plannedEnd": "2011-10-12",
                 "scheduledOn": "2011-03-01", %s}""".formatted(id, bodyId, SOURCE);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
