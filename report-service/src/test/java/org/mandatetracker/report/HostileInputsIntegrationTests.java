package org.mandatetracker.report;

import org.junit.jupiter.api.Test;
import org.mandatetracker.testsupport.HostileInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of report-service, and its one write (a subscription), gets every hostile string in every path
 * variable, query parameter and text field, every hostile date, foreign media types and repeated keys: each is a
 * 4xx problem naming the parameter or field, and neither a fact nor a subscription is stored.
 */
@ReportServiceIntegrationTest
class HostileInputsIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void everyHostileInputIsRefusedNamingItsFieldAndNothingIsStored() {
        Map<String, String> body = Map.of("id", "ctoc-wg-tip");
        Map<String, String> asOf = Map.of("asOf", "2012-01-01");
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", "OPEN");
        filters.put("body", "ctoc-wg-tip");
        filters.put("dueFrom", "2011-01-01");
        filters.put("dueTo", "2013-01-01");
        filters.put("asOf", "2012-01-01");
        Map<String, String> paged = new LinkedHashMap<>(filters);
        paged.put("page", "0");
        paged.put("size", "50");
        Map<String, String> recommendations = new LinkedHashMap<>();
        recommendations.put("body", "ctoc-wg-tip");
        recommendations.put("since", "2011-01-01");
        recommendations.put("asOf", "2012-01-01");
        recommendations.put("page", "0");
        recommendations.put("size", "50");
        Map<String, String> subscription = Map.of("id", "7d3f2a9e-35d1-4a8c-9d59-7a6c7e1f4b21");

        List<HostileInputs.Case> cases = new HostileInputs()
                .get("/bodies/{id}/mandates", body, asOf)
                .get("/mandates/{id}", Map.of("id", "m-1"), asOf)
                .get("/mandates", Map.of(), paged)
                .get("/mandates.csv", Map.of(), filters)
                .get("/decisions/{ref}/history", Map.of("ref", "4/4"), asOf)
                .get("/decisions/{session}/{number}/history", Map.of("session", "4", "number", "4"), asOf)
                .get("/bodies/{id}/timeline", body, asOf)
                .get("/recommendations", Map.of(), recommendations)
                .get("/calendar.ics", Map.of(), Map.of("body", "ctoc-wg-tip", "asOf", "2012-01-01"))
                .get("/recommendations/stream", Map.of(), Map.of("body", "ctoc-wg-tip"))
                .get("/subscriptions/{id}", subscription, Map.of())
                .get("/subscriptions/{id}/deliveries", subscription, Map.of())
                .post("/subscriptions", Map.of(), """
                        {"url": "http://127.0.0.1:9/hook", "secret": "a secret of some length",
                         "filter": {"body": "ctoc-wg-tip"}}""")
                .cases();
        assertThat(cases).hasSizeGreaterThan(500);

        long factsBefore = count("fact");
        long subscriptionsBefore = count("subscription");
        List<HostileInputs.Answer> answers = HostileInputs.send(URI.create("http://127.0.0.1:" + port), cases,
                Map.of());

        assertThat(HostileInputs.failures(answers)).isEmpty();
        assertThat(count("fact")).isEqualTo(factsBefore);
        assertThat(count("subscription")).isEqualTo(subscriptionsBefore);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
