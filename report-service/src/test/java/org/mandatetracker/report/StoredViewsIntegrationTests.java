package org.mandatetracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stored views themselves: a mandate's versions (split where the session it waits on changes), one mandate read
 * on its own, names as of the date asked, and a decision's history reaching the sessions its mandates wait on, every
 * entry naming what it is about.
 */
@ReportServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredViewsIntegrationTests {

    private static final String DECISION = "8/" + (100 + (int) (Math.random() * 800));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String cop = "cop-" + suffix;
    private final String group = "group-" + suffix;
    private final String mandate = "report-" + suffix;
    private final String third = "cop-3-" + suffix;

    @BeforeAll
    void publish() {
        Publisher publisher = new Publisher(kafka, json, admin);
        SourceCitation decision = SourceCitation.of(DECISION, "2");
        List.of(new BodyEstablished(cop, new BodyProfile("Conference", "COP", BodyKind.PLENARY, null, false, false,
                                null, List.of()), day("2001-01-01"), SourceCitation.of("A/RES/1/1", null)),
                        new BodyRenamed(cop, "Conference of the States Parties", "CSP", day("2012-01-01"),
                                SourceCitation.of("A/RES/2/2", null)),
                        new BodyEstablished(group, new BodyProfile("Group of experts", "EG", BodyKind.EXPERT_GROUP,
                                cop, true, false, null, List.of()), day("2010-05-05"), decision),
                        new MandateConferred(mandate, group, "Report to the Conference",
                                new Deadline.BeforeSession(cop, 3), day("2010-05-05"), decision),
                        new MeetingScheduled(third, cop, "Third session", 3, MeetingKind.REGULAR, "Vienna",
                                day("2013-06-10"), day("2013-06-14"), day("2011-02-01"),
                                SourceCitation.of("CSP/2011/1", null)),
                        new MeetingRescheduled(third, cop, day("2013-09-09"), day("2013-09-13"), "venue",
                                day("2012-03-03"), SourceCitation.of("CSP/2012/1", null)))
                .forEach(event -> publisher.send(publisher.record(event, "recorder")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM fact WHERE body_id IN (?, ?)").params(cop, group)
                .query(Long.class).single()).isEqualTo(6));
    }

    @Test
    void aMandateIsStoredAsOneVersionPerChangeOfItsStateOrOfTheSessionItWaitsOn() {
        assertThat(jdbc.sql("SELECT valid_from, CAST(valid_to AS text), resolution, resolved_due "
                        + "FROM mandate_version WHERE mandate_id = ? ORDER BY valid_from").param(mandate)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4))
                .list())
                .containsExactly("2010-05-05 2011-02-01 UNRESOLVED null", "2011-02-01 2012-03-03 RESOLVED 2013-06-09",
                        "2012-03-03 infinity RESOLVED 2013-09-08");
        assertThat(jdbc.sql("SELECT valid_from, planned_start FROM meeting_version WHERE meeting_id = ? "
                        + "ORDER BY valid_from").param(third)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("2011-02-01 2013-06-10", "2012-03-03 2013-09-09");
    }

    @Test
    void oneMandateReadsAsItsEntryInItsBodysList() {
        for (String asOf : List.of("2011-06-01", "2012-06-01", "2013-09-08")) {
            JsonNode listed = get("/bodies/" + group + "/mandates?asOf=" + asOf).get(0);
            assertThat(get("/mandates/" + mandate + "?asOf=" + asOf)).as(asOf).isEqualTo(listed);
        }
        JsonNode beforeRescheduling = get("/mandates/" + mandate + "?asOf=2011-06-01");
        assertThat(beforeRescheduling.get("resolvedDue").asText()).isEqualTo("2013-06-09");
        assertThat(beforeRescheduling.get("deadlineText").asText())
                .isEqualTo("before session 3 of Conference (COP)");
        JsonNode afterRenaming = get("/mandates/" + mandate + "?asOf=2012-06-01");
        assertThat(afterRenaming.get("resolvedDue").asText()).isEqualTo("2013-09-08");
        assertThat(afterRenaming.get("deadlineText").asText())
                .isEqualTo("before session 3 of Conference of the States Parties (CSP)");
        assertThat(get("/mandates/" + mandate + "?asOf=2013-09-08").get("status").asText()).isEqualTo("DUE_SOON");
        assertThat(get("/mandates/" + mandate + "?asOf=2013-09-09").get("status").asText()).isEqualTo("OVERDUE");
    }

    @Test
    void anUnknownOrNotYetConferredMandateIsNotFound() {
        for (String path : List.of("/mandates/no-such-" + suffix, "/mandates/" + mandate + "?asOf=2010-05-04")) {
            ResponseEntity<String> response = rest.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
    }

    @Test
    void aDecisionsHistoryReachesTheSessionsItsMandatesWaitOn() {
        JsonNode history = get("/decisions/" + DECISION + "/history");
        List<Map.Entry<String, String>> entries = StreamSupport.stream(history.spliterator(), false)
                .map(e -> Map.entry(e.get("eventType").asText(), e.get("occurredOn").asText())).toList();
        assertThat(entries).containsExactly(Map.entry("BodyEstablished", "2010-05-05"),
                Map.entry("MandateConferred", "2010-05-05"), Map.entry("MeetingScheduled", "2011-02-01"),
                Map.entry("MeetingRescheduled", "2012-03-03"));
        assertThat(history.get(1).get("mandateId").asText()).isEqualTo(mandate);
        assertThat(history.get(1).get("bodyId").asText()).isEqualTo(group);
        assertThat(history.get(2).get("meetingId").asText()).isEqualTo(third);
        assertThat(history.get(2).get("bodyId").asText()).isEqualTo(cop);
        assertThat(history.get(3).get("summary").asText()).isEqualTo("Rescheduled Third session to 2013-09-09 to "
                + "2013-09-13");

        assertThat(get("/decisions/" + DECISION + "/history?asOf=2011-01-01")).hasSize(2);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return json.readTree(response.getBody());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
