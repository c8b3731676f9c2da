package org.mandatetracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole worked example put on both topics, topics interleaved and every record delivered twice, as the two
 * services publish them; then the questions of DESIGN §2, asked of report-service.
 */
@ReportServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkedExampleIntegrationTests {

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

    private WorkedExample example;
    private Publisher publisher;
    private int facts;

    @BeforeAll
    void publishTheWorkedExampleTwice() {
        publisher = new Publisher(kafka, json, admin);
        example = new WorkedExample(publisher);
        List<ProducerRecord<String, byte[]>> records = example.mixedOrder();
        facts = records.size();
        publisher.send(records);
        publisher.send(records);
        awaitFacts(facts);
    }

    private void awaitFacts(int expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM fact WHERE body_id IN (?, ?)").params(example.cop, example.wg)
                .query(Long.class).single()).isEqualTo(expected));
    }

    @Test
    void asOfTheNewYear2011TheWorkingGroupHasAStandingMandateAndTwoOpenOnes() {
        JsonNode mandates = get("/bodies/" + example.wg + "/mandates?asOf=2011-01-01");
        assertThat(mandates).hasSize(3);
        JsonNode advise = byId(mandates, example.advise);
        assertThat(advise.get("status").asText()).isEqualTo("STANDING");
        assertThat(advise.at("/source/document").asText()).isEqualTo("4/4");
        JsonNode meeting = byId(mandates, example.holdMeeting);
        assertThat(meeting.get("status").asText()).isEqualTo("OPEN");
        assertThat(meeting.get("resolvedDue").asText()).isEqualTo("2012-10-14");
        assertThat(meeting.get("resolution").asText()).isEqualTo("RESOLVED");
        assertThat(meeting.at("/deadline/form").asText()).isEqualTo("before-session");
        assertThat(meeting.get("deadlineText").asText()).contains("before session 6 of Conference of the Parties");
        JsonNode recommend = byId(mandates, example.recommend);
        assertThat(recommend.get("status").asText()).isEqualTo("OPEN");
        assertThat(recommend.get("resolvedDue").asText()).isEqualTo("2012-10-15");
    }

    @Test
    void asOfJuly2012TheMeetingMandateIsFulfilledByTheOctober2011Meeting() {
        JsonNode meeting = byId(get("/bodies/" + example.wg + "/mandates?asOf=2012-07-01"), example.holdMeeting);
        assertThat(meeting.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(meeting.at("/evidence/meetingId").asText()).isEqualTo(example.wg2011);
        assertThat(meeting.get("closedOn").asText()).isEqualTo("2011-10-12");

        JsonNode recommendations = get("/recommendations?body=" + example.wg);
        assertThat(recommendations).hasSize(2);
        assertThat(recommendations.get(0).at("/reportSymbol").asText()).isEqualTo("CTOC/COP/WG.4/2011/8");
        assertThat(recommendations.get(0).get("meetingId").asText()).isEqualTo(example.wg2011);
        JsonNode latestFirst = get("/recommendations?body=" + example.wg + "&newestFirst=true");
        List<String> oldestFirst = values(recommendations, "id");
        Collections.reverse(oldestFirst);
        assertThat(values(latestFirst, "id")).hasSize(2).containsExactlyElementsOf(oldestFirst);
    }

    @Test
    void theHistoryOfDecision44ListsItsFactsInRealWorldOrder() {
        JsonNode history = get(URI.create(rest.getRootUri() + "/decisions/4%2F4/history"));
        List<String> types = values(history, "eventType");
        assertThat(types.subList(0, 3)).containsExactly("DecisionAdopted", "BodyEstablished", "MandateConferred");
        assertThat(types).containsSubsequence("DecisionAdopted", "BodyEstablished", "MandateConferred", "MeetingHeld",
                "MeetingHeld", "MeetingHeld", "MandateConferred", "MandateConferred", "MeetingHeld",
                "RecommendationAdopted", "MandateFulfilled");
        List<String> dates = new ArrayList<>();
        history.forEach(entry -> {
            if (entry.get("corrects").isNull()) {
                dates.add(entry.get("occurredOn").asText());
            }
        });
        assertThat(dates).as("in real-world order, corrections aside").isSorted();
        assertThat(dates.get(0)).isEqualTo("2008-10-17");
        history.forEach(entry -> {
            assertThat(entry.get("recordedBy").asText()).isEqualTo("secretariat.recorder");
            assertThat(entry.get("recordedAt").asText()).isNotBlank();
            assertThat(entry.at("/source/document").asText()).isNotBlank();
            assertThat(entry.get("summary").asText()).isNotBlank();
        });
        assertThat(values(history, "eventId")).doesNotHaveDuplicates();
        assertThat(history.get(1).get("summary").asText()).contains("Working Group on Trafficking in Persons");
        String fulfilled = history.get(types.indexOf("MandateFulfilled")).get("summary").asText();
        assertThat(fulfilled).as("the evidence's meeting and the mandate by their names")
                .isEqualTo("Fulfilled (evidence: Meeting of the Working Group): Hold at least one intersessional "
                        + "meeting prior to the sixth session of the Conference");

        JsonNode unencoded = get("/decisions/4/4/history");
        assertThat(unencoded).isEqualTo(history);
    }

    @Test
    void everyRecordDeliveredTwiceIsCountedOnce() {
        assertThat(jdbc.sql("SELECT count(DISTINCT event_id) = count(*) FROM fact").query(Boolean.class).single())
                .isTrue();
        JsonNode timeline = get("/bodies/" + example.wg + "/timeline");
        assertThat(values(timeline, "eventId")).doesNotHaveDuplicates();
        assertThat(get("/bodies/" + example.wg + "/mandates")).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM recommendation_feed WHERE body_id = ?").param(example.wg)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void mandatesAcrossBodiesAreFilteredSortedByDueDateAndPaged() {
        String base = "/mandates?body=" + example.wg + "&asOf=2011-01-01";
        JsonNode all = get(base);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(values(all.get("items"), "id")).containsExactly(example.holdMeeting, example.recommend,
                example.advise);

        JsonNode open = get(base + "&status=open");
        assertThat(values(open.get("items"), "id")).containsExactly(example.holdMeeting, example.recommend);
        JsonNode dueOnTheFifteenth = get(base + "&dueFrom=2012-10-15&dueTo=2012-10-31");
        assertThat(values(dueOnTheFifteenth.get("items"), "id")).containsExactly(example.recommend);

        JsonNode secondPage = get(base + "&size=2&page=1");
        assertThat(secondPage.get("total").asInt()).isEqualTo(3);
        assertThat(values(secondPage.get("items"), "id")).containsExactly(example.advise);
        JsonNode firstByCursor = get(base + "&size=2");
        assertThat(values(firstByCursor.get("items"), "id")).containsExactly(example.holdMeeting, example.recommend);
        JsonNode secondByCursor = get(base + "&size=2&after=" + firstByCursor.get("next").asText());
        assertThat(values(secondByCursor.get("items"), "id")).containsExactly(example.advise);
        assertThat(secondByCursor.get("total").asInt()).isEqualTo(3);
        assertThat(secondByCursor.get("next").isNull()).isTrue();
        assertThat(get(base + "&status=FULFILLED").get("total").asInt()).isZero();
        assertThat(get("/mandates?body=" + example.wg + "&asOf=2012-07-01&status=FULFILLED").get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void aRebuiltViewEqualsTheIncrementalOne() {
        List<String> paths = List.of("/bodies/" + example.wg + "/mandates?asOf=2011-01-01",
                "/bodies/" + example.wg + "/mandates?asOf=2012-07-01", "/bodies/" + example.wg + "/timeline",
                "/decisions/4/4/history", "/recommendations?body=" + example.wg,
                "/mandates?body=" + example.wg + "&asOf=2012-07-01");
        Map<String, JsonNode> before = new HashMap<>();
        paths.forEach(path -> before.put(path, get(path)));

        ResponseEntity<String> started = rest.postForEntity("/admin/rebuild", null, String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/admin/rebuild").get("state").asText()).isEqualTo("COMPLETED"));
        JsonNode progress = get("/admin/rebuild");
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong()).isGreaterThan(0);
        assertThat(progress.get("recordsPerSecond").asDouble()).isPositive();

        paths.forEach(path -> assertThat(get(path)).as(path).isEqualTo(before.get(path)));
    }

    @Test
    void reschedulingTheSixthSessionMovesTheResolvedDeadline() {
        String wg = example.wg;
        assertThat(byId(get("/bodies/" + wg + "/mandates?asOf=2012-01-01"), example.recommend)
                .get("resolvedDue").asText()).isEqualTo("2012-10-15");
        publisher.send(example.record(new MeetingRescheduled(example.cop6, example.cop,
                WorkedExample.date("2012-11-05"), WorkedExample.date("2012-11-09"), "moved",
                WorkedExample.date("2011-06-01"), SourceCitation.of("CTOC/COP/2012/1", null))));
        facts++;
        awaitFacts(facts);

        JsonNode moved = get("/bodies/" + wg + "/mandates?asOf=2012-01-01");
        assertThat(byId(moved, example.recommend).get("resolvedDue").asText()).isEqualTo("2012-11-05");
        assertThat(byId(get("/bodies/" + wg + "/mandates?asOf=2011-01-01"), example.recommend)
                .get("resolvedDue").asText()).as("as of before the rescheduling").isEqualTo("2012-10-15");
    }

    @Test
    void aCorrectionIsListedRightAfterWhatItCorrects() {
        String meeting = "wg-2009-04-14-" + example.suffix;
        publisher.send(example.record(new MeetingDatesCorrected(meeting, example.wg, MeetingDatesCorrected.Dates.HELD,
                WorkedExample.date("2009-04-13"), WorkedExample.date("2009-04-15"), "the first day was missed",
                SourceCitation.of("CTOC/COP/WG.4/2009/2", null))));
        facts++;
        awaitFacts(facts);

        JsonNode timeline = get("/bodies/" + example.wg + "/timeline");
        List<String> types = values(timeline, "eventType");
        int correction = types.indexOf("MeetingDatesCorrected");
        JsonNode corrected = timeline.get(correction - 1);
        assertThat(corrected.get("eventType").asText()).isEqualTo("MeetingHeld");
        assertThat(corrected.get("occurredOn").asText()).isEqualTo("2009-04-14");
        assertThat(timeline.get(correction).get("corrects").asText()).isEqualTo(corrected.get("eventId").asText());
        assertThat(timeline.get(correction).get("summary").asText()).contains("2009-04-13", "the first day was missed");
        assertReadsPageByPageAndInReverse("/bodies/" + example.wg + "/timeline");
    }

    @Test
    void aDecisionsHistoryReadsPageByPageAndInReverse() {
        assertReadsPageByPageAndInReverse("/decisions/4/4/history");
    }

    /** Pages of three, put together, are the whole list; newest first is its exact reverse; a full page links on. */
    private void assertReadsPageByPageAndInReverse(String path) {
        List<String> whole = values(get(path), "eventId");
        assertThat(whole).hasSizeGreaterThan(3);
        List<String> paged = new ArrayList<>();
        for (int page = 0; paged.size() < whole.size() + 3; page++) {
            ResponseEntity<String> response = rest.getForEntity(path + "?size=3&page=" + page, String.class);
            List<String> ids = values(read(response.getBody()), "eventId");
            assertThat(response.getHeaders().getFirst("Link") != null
                    && response.getHeaders().getFirst("Link").contains("rel=\"next\""))
                    .as("page %d of %s links to the next page", page, path).isEqualTo(ids.size() == 3);
            paged.addAll(ids);
            if (ids.size() < 3) {
                break;
            }
        }
        assertThat(paged).as("pages of %s", path).isEqualTo(whole);
        List<String> reversed = new ArrayList<>(whole);
        Collections.reverse(reversed);
        assertThat(values(get(path + "?newestFirst=true"), "eventId")).as("%s newest first", path)
                .isEqualTo(reversed);
    }

    @Test
    void theCalendarFeedParsesBackWithMeetingsAndResolvedDeadlines() throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/calendar.ics", String.class);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.getBody()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent sixth = events.stream().filter(e -> uid(e).equals("meeting-" + example.cop6 + "@mandatetracker"))
                .findFirst().orElseThrow();
        assertThat(sixth.getSummary().orElseThrow().getValue()).isEqualTo("COP: Sixth session of the Conference");
        assertThat(sixth.getLocation().orElseThrow().getValue()).isEqualTo("Vienna");
        VEvent due = events.stream().filter(e -> uid(e).equals("mandate-" + example.recommend + "@mandatetracker"))
                .findFirst().orElseThrow();
        assertThat(due.getSummary().orElseThrow().getValue()).startsWith("Due (WG on TIP): Present recommendations");
        assertThat(due.getDateTimeStart().orElseThrow().getValue()).isIn("20121015", "20121105");
        assertThat(events.stream().map(this::uid)).doesNotHaveDuplicates();
    }

    @Test
    void theCsvExportHasOneLinePerMandate() throws Exception {
        ResponseEntity<String> csv = rest.getForEntity("/mandates.csv?body=" + example.wg + "&asOf=2011-01-01",
                String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.getBody().substring(1))) {
            lines.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(r -> r.get("id"))
                .containsExactly(example.holdMeeting, example.recommend, example.advise);
        assertThat(rows.get(0)).containsEntry("resolvedDue", "2012-10-14").containsEntry("status", "OPEN")
                .containsEntry("sourceDocument", "=\"5/2\"");
    }

    private String uid(VEvent event) {
        return event.getUid().map(Uid::getValue).orElse("");
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return read(response.getBody());
    }

    private JsonNode get(URI uri) {
        ResponseEntity<String> response = rest.getForEntity(uri, String.class);
        assertThat(response.getStatusCode()).as(uri + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return read(response.getBody());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode byId(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> id.equals(n.get("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + list));
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }
}
