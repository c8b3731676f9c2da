package org.mandatetracker.mandate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandatetracker.mandate.Api;
import org.mandatetracker.mandate.MandateServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandatetracker.mandate.Api.unique;

/**
 * Fifty-one malformed requests: each is answered 4xx with a problem body naming what was wrong, nothing is stored, and
 * the service stays healthy.
 */
@MandateServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    private Api api;
    private final String cop = unique("cop");
    private final String wg = unique("wg");
    private String mandate;

    record Bad(String name, String path, String body, Map<String, String> headers, String field) {
        Bad(String name, String path, String body, String field) {
            this(name, path, body, Map.of(), field);
        }
    }

    @BeforeAll
    void recordTheBodiesAndAMandateTheRequestsTarget() {
        api = new Api(rest, json);
        assertThat(api.post("/bodies", Api.cop(cop)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("/bodies", Api.workingGroup(wg, cop)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> conferred = api.post("/bodies/" + wg + "/mandates", conferral("\"standing\"", ""));
        assertThat(conferred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        mandate = api.read(conferred.getBody()).get("id").asText();
    }

    private static String conferral(String form, String deadlineExtra) {
        return """
                {"task": "Advise and assist", "deadline": {"form": %s%s}, "conferredOn": "2008-10-17",
                 "source": {"document": "4/4", "paragraph": "2"}}""".formatted(form, deadlineExtra);
    }

    private List<Bad> badRequests() {
        String body = Api.cop("x1");
        String validSource = "\"source\": {\"document\": \"4/4\"}";
        List<Bad> bad = new ArrayList<>();
        // Not JSON, or not the JSON asked for
        bad.add(new Bad("truncated JSON", "/bodies", "{\"name\": \"COP\"", null));
        bad.add(new Bad("not JSON at all", "/bodies", "name=COP", null));
        bad.add(new Bad("a JSON array", "/bodies", "[]", null));
        bad.add(new Bad("empty body", "/bodies", "", null));
        bad.add(new Bad("trailing garbage", "/bodies", body + " {}", null));
        // A valid command with a query parameter no endpoint takes: a client asking for a dry run must not record
        bad.add(new Bad("unknown query parameter", "/bodies?dryRun=true", Api.cop(unique("dry")), "dryRun"));
        bad.add(new Bad("unknown field", "/bodies", body.replace("{\"id\"", "{\"colour\": \"blue\", \"id\""),
                "colour"));
        // Wrong types
        bad.add(new Bad("name as number", "/bodies", body.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": 42"),
                "name"));
        bad.add(new Bad("openEnded as text", "/bodies", body.replace("\"kind\"", "\"openEnded\": \"yes\", \"kind\""),
                "openEnded"));
        bad.add(new Bad("openEnded as number", "/bodies", body.replace("\"kind\"", "\"openEnded\": 1, \"kind\""),
                "openEnded"));
        bad.add(new Bad("legalBasis as text", "/bodies", body.replace("\"kind\"", "\"legalBasis\": \"art 32\", \"kind\""),
                "legalBasis"));
        bad.add(new Bad("establishedBy as text", "/bodies", body.replaceFirst("\"establishedBy\": \\{[^}]*}",
                "\"establishedBy\": \"4/4\""), "establishedBy"));
        bad.add(new Bad("unknown kind", "/bodies", body.replace("PLENARY", "COMMITTEE_OF_THE_WHOLE"), "kind"));
        bad.add(new Bad("kind as number", "/bodies", body.replace("\"PLENARY\"", "0"), "kind"));
        // Missing fields
        bad.add(new Bad("missing name", "/bodies", body.replaceFirst("\"name\": \"[^\"]*\",", ""), "name"));
        bad.add(new Bad("missing kind", "/bodies", body.replace("\"kind\": \"PLENARY\",", ""), "kind"));
        bad.add(new Bad("missing establishedOn", "/bodies", body.replace("\"establishedOn\": \"2004-06-28\",", ""),
                "establishedOn"));
        bad.add(new Bad("missing source", "/bodies", body.replaceFirst(",\\s*\"establishedBy\": \\{[^}]*}", ""),
                "establishedBy"));
        bad.add(new Bad("missing source document", "/bodies", body.replace("\"document\": \"A/RES/55/25\", ", ""),
                "establishedBy.document"));
        bad.add(new Bad("blank name", "/bodies", body.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"   \""),
                "name"));
        // Bad dates
        bad.add(new Bad("month 13", "/bodies", body.replace("2004-06-28", "2004-13-28"), "establishedOn"));
        bad.add(new Bad("30 February", "/bodies", body.replace("2004-06-28", "2004-02-30"), "establishedOn"));
        bad.add(new Bad("day-first date", "/bodies", body.replace("2004-06-28", "28/06/2004"), "establishedOn"));
        bad.add(new Bad("date with time", "/bodies", body.replace("2004-06-28", "2004-06-28T10:00:00Z"),
                "establishedOn"));
        bad.add(new Bad("future date", "/bodies", body.replace("2004-06-28", "2999-01-01"), "establishedOn"));
        bad.add(new Bad("date as number", "/bodies", body.replace("\"2004-06-28\"", "20040628"), "establishedOn"));
        // Bad symbols
        bad.add(new Bad("lower-case words", "/bodies", body.replace("A/RES/55/25", "resolution fifty-five"),
                "establishedBy.document"));
        bad.add(new Bad("doubled slash", "/bodies", body.replace("A/RES/55/25", "A//RES/55/25"),
                "establishedBy.document"));
        bad.add(new Bad("trailing slash", "/bodies", body.replace("A/RES/55/25", "A/RES/55/25/"),
                "establishedBy.document"));
        bad.add(new Bad("markup", "/bodies", body.replace("A/RES/55/25", "A/RES/<b>55</b>"),
                "establishedBy.document"));
        bad.add(new Bad("bad year suffix", "/bodies", body.replace("A/RES/55/25", "S/RES/1440 (02)"),
                "establishedBy.document"));
        bad.add(new Bad("bad evidence symbol", "/mandates/" + mandate + "/fulfilment",
                "{\"evidence\": {\"document\": \"CTOC//8\"}, \"fulfilledOn\": \"2011-10-12\", " + validSource + "}",
                "evidence.document"));
        // Oversized or malformed text
        bad.add(new Bad("name too long", "/bodies", body.replaceFirst("\"name\": \"[^\"]*\"",
                "\"name\": \"" + "N".repeat(301) + "\""), "name"));
        bad.add(new Bad("short name too long", "/bodies", body.replace("\"COP\"", "\"" + "S".repeat(61) + "\""),
                "shortName"));
        bad.add(new Bad("name with a line break", "/bodies", body.replaceFirst("\"name\": \"[^\"]*\"",
                Matcher.quoteReplacement("\"name\": \"Conference\\nof the Parties\"")), "name"));
        bad.add(new Bad("task too long", "/bodies/" + wg + "/mandates",
                conferral("\"standing\"", "").replace("Advise and assist", "T".repeat(4001)), "task"));
        bad.add(new Bad("paragraph too long", "/bodies", body.replace("\"32\"", "\"" + "9".repeat(41) + "\""),
                "establishedBy.paragraph"));
        bad.add(new Bad("too many legal bases", "/bodies", body.replace("\"kind\"", "\"legalBasis\": ["
                + "\"art\",".repeat(20) + "\"art\"], \"kind\""), "legalBasis"));
        bad.add(new Bad("id with spaces", "/bodies", body.replace("\"x1\"", "\"my body\""), "id"));
        bad.add(new Bad("id too long", "/bodies", body.replace("\"x1\"", "\"" + "i".repeat(65) + "\""), "id"));
        bad.add(new Bad("recorder name with control characters", "/bodies", Api.cop(unique("cop")),
                Map.of("X-Recorded-By", "rec\torder"), "X-Recorded-By"));
        // Deadlines
        bad.add(new Bad("unknown deadline form", "/bodies/" + wg + "/mandates", conferral("\"someday\"", ""),
                "deadline.form"));
        bad.add(new Bad("session deadline without a session", "/bodies/" + wg + "/mandates",
                conferral("\"at-session\"", ", \"bodyId\": \"" + cop + "\""), "deadline.session"));
        bad.add(new Bad("session zero", "/bodies/" + wg + "/mandates",
                conferral("\"at-session\"", ", \"bodyId\": \"" + cop + "\", \"session\": 0"), "deadline.session"));
        bad.add(new Bad("dated deadline without its date", "/bodies/" + wg + "/mandates",
                conferral("\"on-date\"", ""), "deadline.date"));
        bad.add(new Bad("evidence naming both a meeting and a document", "/mandates/" + mandate + "/fulfilment",
                "{\"evidence\": {\"meetingId\": \"m1\", \"document\": \"CTOC/COP/WG.4/2011/8\"}, "
                        + "\"fulfilledOn\": \"2011-10-12\", " + validSource + "}", "evidence"));
        // Unknown ids and broken rules
        bad.add(new Bad("mandate for an unknown body", "/bodies/" + unique("nobody") + "/mandates",
                conferral("\"standing\"", ""), "bodyId"));
        bad.add(new Bad("extension of an unknown mandate", "/mandates/" + unique("nomandate") + "/extension",
                "{\"deadline\": {\"form\": \"standing\"}, \"extendedOn\": \"2012-10-19\", " + validSource + "}", "id"));
        bad.add(new Bad("renaming an unknown body", "/bodies/" + unique("nobody") + "/renaming",
                "{\"name\": \"N\", \"shortName\": \"N\", \"renamedOn\": \"2012-10-19\", " + validSource + "}", "id"));
        bad.add(new Bad("parent body unknown", "/bodies", Api.workingGroup(unique("wg"), unique("nobody")),
                "parentBodyId"));
        bad.add(new Bad("fulfilment before conferral", "/mandates/" + mandate + "/fulfilment",
                "{\"evidence\": {\"meetingId\": \"m1\"}, \"fulfilledOn\": \"2001-01-01\", " + validSource + "}",
                "fulfilledOn"));
        bad.add(new Bad("dissolution before establishment", "/bodies/" + wg + "/dissolution",
                "{\"dissolvedOn\": \"2001-01-01\", " + validSource + "}", "dissolvedOn"));
        return bad;
    }

    @Test
    void everyMalformedRequestIsAProblemAndNothingIsStored() {
        long eventsBefore = eventCount();
        List<Bad> requests = badRequests();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(50);

        for (Bad bad : requests) {
            ResponseEntity<String> response = api.post(bad.path(), bad.body(), bad.headers());
            assertThat(response.getStatusCode().is4xxClientError()).as(bad.name() + ": " + response).isTrue();
            assertThat(response.getHeaders().getContentType()).as(bad.name())
                    .hasToString("application/problem+json");
            JsonNode problem = api.read(response.getBody());
            assertThat(problem.get("status").asInt()).as(bad.name()).isEqualTo(response.getStatusCode().value());
            assertThat(problem.get("title").asText()).as(bad.name()).isNotBlank();
            assertThat(problem.get("detail").asText()).as(bad.name()).isNotBlank();
            if (bad.field() != null) {
                assertThat(problem.get("errors").findValuesAsText("field")).as(bad.name() + ": " + problem)
                        .contains(bad.field());
                assertThat(problem.get("errors").findValuesAsText("rule")).as(bad.name()).allMatch(r -> !r.isBlank());
            }
        }

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(api.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
