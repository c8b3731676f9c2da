package org.mandatetracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed queries get a 400 problem naming the parameter. */
@ReportServiceIntegrationTest
class BadQueriesIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void malformedQueriesAreProblemsNamingTheParameter() throws Exception {
        Map<String, String> queries = Map.of(
                "/bodies/b/mandates?asOf=2011-13-01", "asOf",
                "/mandates?asOf=yesterday", "asOf",
                "/mandates?status=DONE", "status",
                "/mandates?size=0", "size",
                "/mandates?dueFrom=2011/01/01", "dueFrom",
                "/decisions/not a decision/history", "ref",
                "/recommendations?since=soon", "since",
                "/subscriptions/not-a-uuid/deliveries", "id");
        for (var query : queries.entrySet()) {
            ResponseEntity<String> response = rest.getForEntity(query.getKey(), String.class);
            assertThat(response.getStatusCode()).as(query.getKey() + ": " + response.getBody())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("errors").findValuesAsText("field")).as(query.getKey()).contains(query.getValue());
        }
    }
}
