package org.mandatetracker.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.meeting.Harness.unique;

/**
 * The meetings and outcomes of the worked example (DESIGN §2, from the Secretariat's note to the sixth session of
 * the Conference against Transnational Organized Crime) recorded through the API, as a recorder would.
 * Scheduling dates the note does not give are taken as the opening day.
 */
@MeetingServiceIntegrationTest
class WorkedExampleIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;

    private Harness harness;
    private String cop;
    private String wg;

    @Test
    void theWorkedExamplesMeetingsAndOutcomesCanAllBeRecorded() {
        harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
        cop = unique("ctoc-cop");
        wg = unique("ctoc-wg-tip");
        harness.publishBody(cop, "Conference of the Parties to the United Nations Convention against "
                + "Transnational Organized Crime", LocalDate.of(2004, 6, 28));
        harness.publishBody(wg, "Working Group on Trafficking in Persons", LocalDate.of(2008, 10, 17));

        String cop4 = heldSession(cop, 4, "Fourth session of the Conference of the Parties", "2008-10-08",
                "2008-10-17");
        ok(harness.post("/meetings/" + cop4 + "/decisions", """
                {"reference": "4/4", "type": "DECISION", "title": "Trafficking in human beings",
                 "paragraphs": [{"number": "1", "text": "Decides to establish an open-ended interim working group, in \
                accordance with article 32, paragraph 3, of the Convention and rule 2, paragraph 2, of the rules of \
                procedure for the Conference, to be chaired by a member of the Bureau, to advise and assist the \
                Conference in the implementation of its mandate with regard to the Trafficking in Persons Protocol"}],
                 "adoptedOn": "2008-10-17", "source": {"document": "4/4"}}"""));

        heldMeeting(wg, "Meeting of the Working Group on Trafficking in Persons", "2009-04-14", "2009-04-15");
        heldMeeting(wg, "Meeting of the Working Group on Trafficking in Persons", "2010-01-27", "2010-01-29");
        heldMeeting(wg, "Meeting of the Working Group on Trafficking in Persons", "2010-10-19", "2010-10-19");

        String cop5 = heldSession(cop, 5, "Fifth session of the Conference of the Parties", "2010-10-18",
                "2010-10-22");
        ok(harness.post("/meetings/" + cop5 + "/decisions", """
                {"reference": "5/2", "type": "RESOLUTION", "title": "Implementation of the Protocol to Prevent, \
                Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United \
                Nations Convention against Transnational Organized Crime",
                 "paragraphs": [
                   {"number": "(a)", "text": "The Working Group should hold at least one intersessional meeting prior \
                to the sixth session of the Conference"},
                   {"number": "(b)", "text": "The Working Group should present its recommendations to the Conference \
                on whether the Working Group should be extended and, if so, proposed areas of future work"}],
                 "adoptedOn": "2010-10-22", "source": {"document": "5/2"}}"""));

        String wg2011 = heldMeeting(wg, "Meeting of the Working Group on Trafficking in Persons", "2011-10-10",
                "2011-10-12");
        for (int n = 1; n <= 3; n++) {
            ok(harness.post("/meetings/" + wg2011 + "/recommendations", """
                    {"id": "%s-rec-%d", "text": "Recommendation %d of the Working Group", \
                    "addressee": {"bodyId": "%s"}, "paragraph": "%d", "reportSymbol": "CTOC/COP/WG.4/2011/8",
                     "adoptedOn": "2011-10-12", "source": {"document": "CTOC/COP/WG.4/2011/8", "paragraph": "%d"}}"""
                    .formatted(wg2011, n, n, cop, n, n)));
        }

        String cop6 = created("""
                {"bodyId": "%s", "title": "Sixth session of the Conference of the Parties", "session": 6,
                 "venue": "Vienna", "plannedStart": "2012-10-15", "plannedEnd": "2012-10-19",
                 "scheduledOn": "2012-06-21", "source": {"document": "CTOC/COP/2012/1"}}""".formatted(cop));
        ok(harness.post("/meetings/" + cop6 + "/documents", """
                {"symbol": "CTOC/COP/2012/1", "title": "Provisional agenda and annotations", "agendaItem": "2 (b)",
                 "originalLanguage": "English", "distributedOn": "2012-06-21"}"""));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode wgMeetings = harness.read(harness.get("/meetings?body=" + wg).getBody());
            assertThat(wgMeetings.findValuesAsText("heldFrom"))
                    .containsExactly("2009-04-14", "2010-01-27", "2010-10-19", "2011-10-10");
            JsonNode held2011 = harness.read(harness.get("/meetings/" + wg2011).getBody());
            assertThat(held2011.get("recommendations")).hasSize(3);
            assertThat(held2011.at("/recommendations/0/reportSymbol").asText()).isEqualTo("CTOC/COP/WG.4/2011/8");
            JsonNode sixth = harness.read(harness.get("/bodies/" + cop + "/sessions/6").getBody());
            assertThat(sixth.get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(sixth.get("plannedStart").asText()).isEqualTo("2012-10-15");
            assertThat(sixth.at("/documents/0/agendaItem").asText()).isEqualTo("2 (b)");
            JsonNode fourth = harness.read(harness.get("/bodies/" + cop + "/sessions/4").getBody());
            assertThat(fourth.at("/decisions/0/reference").asText()).isEqualTo("4/4");
        });
    }

    private String heldSession(String body, int session, String title, String from, String to) {
        String id = created("""
                {"bodyId": "%s", "title": "%s", "session": %d, "venue": "Vienna", "plannedStart": "%s",
                 "plannedEnd": "%s", "scheduledOn": "%s", "source": {"document": "CTOC/COP/2012/1"}}"""
                .formatted(body, title, session, from, to, from));
        ok(harness.post("/meetings/" + id + "/held", """
                {"heldFrom": "%s", "heldTo": "%s", "source": {"document": "CTOC/COP/2012/1"}}""".formatted(from, to)));
        return id;
    }

    private String heldMeeting(String body, String title, String from, String to) {
        String id = created("""
                {"bodyId": "%s", "title": "%s", "kind": "INTERSESSIONAL", "venue": "Vienna", "plannedStart": "%s",
                 "plannedEnd": "%s", "scheduledOn": "%s", "source": {"document": "CTOC/COP/2012/1"}}"""
                .formatted(body, title, from, to, from));
        ok(harness.post("/meetings/" + id + "/held", """
                {"heldFrom": "%s", "heldTo": "%s", "source": {"document": "CTOC/COP/2012/1"}}""".formatted(from, to)));
        return id;
    }

    /** Scheduling retries while the body is on its way from Kafka, as a recorder told to retry a 422 would. */
    private String created(String scheduling) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> response = harness.post("/meetings", scheduling);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
            id[0] = harness.read(response.getBody()).get("id").asText();
        });
        return id[0];
    }

    private void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    }
}
