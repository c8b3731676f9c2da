package org.mandatetracker.mandate.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.Api;
import org.mandatetracker.mandate.MandateServiceIntegrationTest;
import org.mandatetracker.testsupport.HostileInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandatetracker.mandate.Api.unique;

/**
 * Every write and query endpoint gets every hostile string in every text field, path variable and query parameter,
 * every hostile date, foreign media types and repeated keys: each is a 4xx problem naming the field, and not one
 * event is stored.
 */
@MandateServiceIntegrationTest
class HostileInputsIntegrationTests {

    private static final String SOURCE = "\"source\": {\"document\": \"4/4\", \"paragraph\": \"1\"}";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void everyHostileInputIsRefusedNamingItsFieldAndNothingIsStored() {
        Api api = new Api(rest, json);
        String cop = unique("cop");
        String wg = unique("wg");
        assertThat(api.post("/bodies", Api.cop(cop)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("/bodies", Api.workingGroup(wg, cop)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> conferred = api.post("/bodies/" + wg + "/mandates", """
                {"task": "Advise", "deadline": {"form": "standing"}, "conferredOn": "2008-10-17", %s}"""
                .formatted(SOURCE));
        assertThat(conferred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String mandate = api.read(conferred.getBody()).get("id").asText();
        Map<String, String> body = Map.of("id", wg);
        Map<String, String> ofMandate = Map.of("id", mandate);

        List<HostileInputs.Case> cases = new HostileInputs()
                .post("/bodies", Map.of(), Api.workingGroup(unique("wg"), cop))
                .post("/bodies/{id}/renaming", body, """
                        {"name": "Working Group", "shortName": "WG", "renamedOn": "2010-01-05", %s}"""
                        .formatted(SOURCE))
                .post("/bodies/{id}/dissolution", body, "{\"dissolvedOn\": \"2012-01-05\", " + SOURCE + "}")
                .post("/bodies/{id}/correction", body, "{\"establishment\": " + Api.workingGroup(wg, cop)
                        + ", \"reason\": \"The date was wrong\"}", "reason")
                .post("/bodies/{id}/mandates", body, """
                        {"id": "%s", "task": "Report", "deadline": {"form": "on-date", "date": "2012-12-31"},
                         "conferredOn": "2008-10-17", %s}""".formatted(unique("m"), SOURCE), "task")
                .post("/bodies/{id}/mandates", body, """
                        {"task": "Report", "deadline": {"form": "before-session", "bodyId": "%s", "session": 6},
                         "conferredOn": "2008-10-17", %s}""".formatted(cop, SOURCE), "task")
                .post("/mandates/{id}/task-amendment", ofMandate,
                        "{\"task\": \"Advise more\", \"amendedOn\": \"2009-10-17\", " + SOURCE + "}", "task")
                .post("/mandates/{id}/extension", ofMandate, """
                        {"deadline": {"form": "on-date", "date": "2014-12-31"}, "extendedOn": "2010-10-17", %s}"""
                        .formatted(SOURCE))
                .post("/mandates/{id}/fulfilment", ofMandate, """
                        {"evidence": {"document": "CTOC/COP/WG.4/2011/8"}, "fulfilledOn": "2011-10-12", %s}"""
                        .formatted(SOURCE))
                .post("/mandates/{id}/fulfilment", ofMandate, """
                        {"evidence": {"meetingId": "m1"}, "fulfilledOn": "2011-10-12", %s}""".formatted(SOURCE))
                .post("/mandates/{id}/termination", ofMandate,
                        "{\"terminatedOn\": \"2011-10-12\", " + SOURCE + "}")
                .post("/mandates/{id}/supersession", ofMandate,
                        "{\"supersededBy\": \"m2\", \"supersededOn\": \"2011-10-12\", " + SOURCE + "}")
                .get("/bodies", Map.of(), Map.of("q", "Working Group", "parent", cop))
                .get("/bodies/{id}", body, Map.of())
                .get("/bodies/{id}/events", body, Map.of())
                .get("/mandates/{id}", ofMandate, Map.of())
                .cases();
        assertThat(cases).hasSizeGreaterThan(500);

        long eventsBefore = eventCount();
        List<HostileInputs.Answer> answers = HostileInputs.send(URI.create("http://127.0.0.1:" + port), cases,
                Map.of());

        assertThat(HostileInputs.failures(answers)).isEmpty();
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(api.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
