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
        Map<String, String> queries = Map.ofEntries(
                Map.entry("/mandates/m?asOf=someday", "asOf"),
                Map.entry("/mandates/m?asOf=+999999998-12-31", "asOf"),
                Map.entry("/bodies/b/timeline?asOf=+999999998-12-31", "asOf"),
                Map.entry("/mandates?dueTo=-5000-01-01", "dueTo"),
                Map.entry("/mandates?page=2000000", "page"),
                Map.entry("/recommendations?size=501", "size"),
                Map.entry("/recommendations?since=+20000-01-01", "since"),
                Map.entry("/calendar.ics?asOf=+20000-01-01", "asOf"),
                Map.entry("/bodies/b/mandates?asOf=2011-13-01", "asOf"),
                Map.entry("/mandates?asOf=yesterday", "asOf"),
                Map.entry("/mandates?status=DONE", "status"),
                Map.entry("/mandates?size=0", "size"),
                Map.entry("/mandates?after=bm90LWEtY3Vyc29y", "after"),
                Map.entry("/mandates?after=%25%25", "after"),
                Map.entry("/mandates?after=fHwyMDEwLTAxLTAxfGlk&page=2", "after"),
                Map.entry("/mandates?dueFrom=2011/01/01", "dueFrom"),
                Map.entry("/decisions/not a decision/history", "ref"),
                Map.entry("/decisions/4%2F4/history?size=0", "size"),
                Map.entry("/decisions/4/4/history?size=501", "size"),
                Map.entry("/bodies/b/timeline?page=-1", "page"),
                Map.entry("/bodies/b/timeline?newestFirst=maybe", "newestFirst"),
                Map.entry("/recommendations?since=soon", "since"),
                Map.entry("/subscriptions/not-a-uuid/deliveries", "id"),
                Map.entry("/bodies/b/mandates?asOf=2011-01-01&asOf=2012-07-01", "asOf"),
                Map.entry("/mandates?size=1&size=2", "size"),
                Map.entry("/decisions/4%2F4/history?newestFirst=true&newestFirst=false", "newestFirst"),
                Map.entry("/bodies/b/mandates?asof=2011-01-01", "asof"),
                Map.entry("/mandates?sort=due", "sort"));
        for (var query : queries.entrySet()) {
            ResponseEntity<String> response = rest.getForEntity(query.getKey(), String.class);
            assertThat(response.getStatusCode()).as(query.getKey() + ": " + response.getBody())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("errors").findValuesAsText("field")).as(query.getKey()).contains(query.getValue());
        }
        assertThat(rest.getForEntity("/mandates?status=OPEN&status=OVERDUE", String.class).getStatusCode())
                .as("a parameter that takes several values").isEqualTo(HttpStatus.OK);
        ResponseEntity<String> rebuild = rest.postForEntity("/admin/rebuild?source=everything", null, String.class);
        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(rebuild.getBody()).get("errors").findValuesAsText("field")).contains("source");
    }
}
