package org.mandatetracker.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.meeting.command.RecordedOutcomesFromEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandatetracker.meeting.Harness.unique;

/**
 * The outcome registry is written with each outcome's event; the migration that fills it from the events recorded
 * before it existed arrives at the same rows.
 */
@MeetingServiceIntegrationTest
class OutcomeRegistryIntegrationTests {

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
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    private Harness harness;

    @BeforeEach
    void setUp() {
        harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
    }

    @Test
    void theMigrationFillsTheRegistryWithTheRowsTheEventsWroteThemselves() {
        String meeting = meetingInSession();
        ok(harness.post("/meetings/" + meeting + "/decisions", """
                {"reference": "5/2", "type": "RESOLUTION", "title": "Implementation of the Protocol",
                 "paragraphs": [{"number": "(a)", "text": "The Working Group should meet"}],
                 "adoptedOn": "2011-10-11", "source": {"document": "5/2"}}"""));
        for (int n = 1; n <= 3; n++) {
            ok(harness.post("/meetings/" + meeting + "/recommendations", """
                    {"id": "%s-rec-%d", "text": "Recommendation %d", "addressee": {"description": "States parties"},
                     "paragraph": "%d", "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-12",
                     "source": {"document": "CTOC/COP/WG.4/2011/8"}}""".formatted(meeting, n, n, n)));
        }
        ok(harness.post("/meetings/" + meeting + "/documents", """
                {"symbol": "CTOC/COP/WG.4/2011/8", "title": "Report", "originalLanguage": "English",
                 "distributedOn": "2011-10-20"}"""));
        assertThat(rows()).filteredOn(row -> row.startsWith(meeting + " ")).hasSize(5)
                .anyMatch(row -> row.startsWith(meeting + " DECISION 5/2 "))
                .anyMatch(row -> row.startsWith(meeting + " RECOMMENDATION " + meeting + "-rec-2 "))
                .anyMatch(row -> row.startsWith(meeting + " DOCUMENT CTOC/COP/WG.4/2011/8 "));
        List<String> written = rows();

        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM recorded_outcome").update();
            RecordedOutcomesFromEvents.fill(jdbc, eventSerializer);
        });

        assertThat(rows()).as("every meeting's outcomes, in this test and the others").isEqualTo(written);
        assertThat(jdbc.sql("SELECT description FROM flyway_schema_history WHERE version = '14' AND success")
                .query(String.class).optional()).as("the fill runs as migration 14").isPresent();
    }

    private List<String> rows() {
        return jdbc.sql("""
                        SELECT meeting_id || ' ' || kind || ' ' || outcome_key || ' ' || fingerprint
                        FROM recorded_outcome ORDER BY meeting_id, kind, outcome_key""")
                .query(String.class).list();
    }

    private static void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isIn(HttpStatus.OK, HttpStatus.CREATED);
    }

    private String meetingInSession() {
        String meeting = unique("outcomes");
        harness.scheduleMeetingInSession(unique("wg"), meeting);
        return meeting;
    }
}
