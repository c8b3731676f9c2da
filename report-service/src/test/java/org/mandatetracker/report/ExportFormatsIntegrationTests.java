package org.mandatetracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CSV and iCalendar exports as spreadsheets and calendar apps read them: a body with a French name, a task that
 * would run as a formula, a long Russian task, and deadlines fulfilled and terminated.
 */
@ReportServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportFormatsIntegrationTests {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"Click\")";
    private static final String RUSSIAN = "Подготовить доклад о ходе осуществления Протокола о предупреждении и "
            + "пресечении торговли людьми, особенно женщинами и детьми, и наказании за неё";

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
    private final String body = "cote-divoire-" + suffix;
    private final String formula = "formula-" + suffix;
    private final String russian = "russian-" + suffix;
    private final String fulfilled = "fulfilled-" + suffix;
    private final String terminated = "terminated-" + suffix;

    @BeforeAll
    void publish() {
        Publisher publisher = new Publisher(kafka, json, admin);
        SourceCitation decision = SourceCitation.of("3/1", "2");
        LocalDate conferred = LocalDate.parse("2020-01-10");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(publisher.record(new BodyEstablished(body, new BodyProfile("Comité de suivi de Côte d'Ivoire",
                "Comité CI", BodyKind.WORKING_GROUP, null, false, false, null, List.of()), conferred, decision),
                "recorder"));
        records.add(publisher.record(new MandateConferred(formula, body, FORMULA,
                new Deadline.OnDate(LocalDate.parse("2030-01-01")), conferred, decision), "recorder"));
        records.add(publisher.record(new MandateConferred(russian, body, RUSSIAN,
                new Deadline.OnDate(LocalDate.parse("2030-02-01")), conferred, decision), "recorder"));
        records.add(publisher.record(new MandateConferred(fulfilled, body, "Report on the pilot",
                new Deadline.OnDate(LocalDate.parse("2021-01-01")), conferred, decision), "recorder"));
        records.add(publisher.record(new MandateConferred(terminated, body, "Convene an expert group",
                new Deadline.OnDate(LocalDate.parse("2022-01-01")), conferred, decision), "recorder"));
        records.add(publisher.record(new MandateFulfilled(fulfilled, body, new Evidence.Document(
                DocumentSymbol.parse("CTOC/COP/2020/3")), LocalDate.parse("2020-12-01"), decision), "recorder"));
        records.add(publisher.record(new MandateTerminated(terminated, body, LocalDate.parse("2020-06-01"),
                decision), "recorder"));
        publisher.send(records);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM fact WHERE body_id = ?").param(body).query(Long.class).single())
                .isEqualTo(records.size()));
    }

    @Test
    void theCsvStartsWithAByteOrderMarkNeutralisesFormulasAndKeepsDecisionNumbersAsText() throws Exception {
        ResponseEntity<byte[]> response = rest.getForEntity("/mandates.csv?body=" + body + "&asOf=2020-03-01",
                byte[].class);
        byte[] bytes = response.getBody();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).contains("'" + FORMULA.replace("\"", "\"\"")).doesNotContain(",\"" + FORMULA);
        Map<String, Map<String, String>> rows = rows(text);
        assertThat(rows.get(formula)).containsEntry("task", "'" + FORMULA).containsEntry("sourceDocument", "=\"3/1\"");
        assertThat(rows.get(russian)).containsEntry("task", RUSSIAN);

        byte[] plain = rest.getForEntity("/mandates.csv?bom=false&body=" + body, byte[].class).getBody();
        assertThat(new String(plain, StandardCharsets.UTF_8)).startsWith("\"id\",");
    }

    @Test
    void theCalendarParsesStrictlyWithNoLineOver75OctetsAndMarksClosedDeadlines() throws Exception {
        String ics = new String(rest.getForEntity("/calendar.ics?body=" + body + "&asOf=2021-06-01", byte[].class)
                .getBody(), StandardCharsets.UTF_8);
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertThat(ics).doesNotContain("\uFFFD");
        Calendar calendar = strictlyParsed(ics);
        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(calendar.getProperty("X-WR-CALNAME").map(Property::getValue))
                .hasValue("Comité CI \u2013 Mandate Tracker");
        assertThat(calendar.getProperty("REFRESH-INTERVAL").map(Property::getValue)).hasValue("PT1H");
        assertThat(calendar.getProperty("URL").map(Property::getValue).orElseThrow()).contains("/calendar.ics?body=");

        VEvent longTask = event(calendar, russian);
        String summary = longTask.getSummary().orElseThrow().getValue();
        assertThat(summary).startsWith("Due (Comité CI): Подготовить").endsWith("\u2026").hasSizeLessThanOrEqualTo(80);
        String shown = summary.substring("Due (Comité CI): ".length(), summary.length() - 1);
        assertThat(RUSSIAN).as("cut after a whole word").startsWith(shown);
        assertThat(RUSSIAN.charAt(shown.length())).isIn(' ', ',');
        assertThat(longTask.getDescription().orElseThrow().getValue()).startsWith(RUSSIAN);
        assertThat(event(calendar, fulfilled).getSummary().orElseThrow().getValue())
                .isEqualTo("Fulfilled (Comité CI): Report on the pilot");
        VEvent ended = event(calendar, terminated);
        assertThat(ended.getSummary().orElseThrow().getValue()).startsWith("Terminated (Comité CI):");
        assertThat(ended.getStatus().orElseThrow().getValue()).isEqualTo("CANCELLED");

        Calendar open = strictlyParsed(rest.getForObject("/calendar.ics?closed=false&body=" + body
                + "&asOf=2021-06-01", String.class));
        assertThat(open.<VEvent>getComponents(Component.VEVENT).stream().map(this::uid))
                .containsExactlyInAnyOrder(uid(formula), uid(russian));
    }

    @Test
    void aPrivateFeedUrlServesTheCalendarUntilItsOwnerRevokesIt() throws Exception {
        ResponseEntity<String> created = rest.exchange("/calendar-feeds", HttpMethod.POST, new HttpEntity<>(
                Map.of("body", body, "includeClosed", false), reader("ana")), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode feed = json.readTree(created.getBody());
        URI url = URI.create(feed.get("url").asText());
        assertThat(url.getPath()).matches("/calendar-feeds/[A-Za-z0-9_-]{43}/calendar.ics");

        Calendar calendar = strictlyParsed(rest.getForObject(url.getPath(), String.class));
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT).stream().map(this::uid))
                .contains(uid(formula)).doesNotContain(uid(fulfilled));
        assertThat(rest.getForEntity(url.getPath().replace("/calendar-feeds/", "/calendar-feeds/x"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM calendar_feed WHERE encode(token_sha256, 'escape') LIKE ?")
                .param("%" + url.getPath().split("/")[2] + "%").query(Long.class).single()).as("token not stored")
                .isZero();

        String revocation = "/calendar-feeds/" + feed.get("id").asText() + "/revocation";
        assertThat(rest.exchange(revocation, HttpMethod.POST, new HttpEntity<>(reader("bob")), String.class)
                .getStatusCode()).as("someone else's feed").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity(url.getPath(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.exchange(revocation, HttpMethod.POST, new HttpEntity<>(reader("ana")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.getForEntity(url.getPath(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode mine = json.readTree(rest.exchange("/calendar-feeds", HttpMethod.GET,
                new HttpEntity<>(reader("ana")), String.class).getBody());
        assertThat(mine.findValuesAsText("revokedAt")).hasSize(1).doesNotContainNull();

        assertThat(rest.postForEntity("/calendar-feeds", Map.of(), String.class).getStatusCode())
                .as("no signed-in reader").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static HttpHeaders reader(String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Recorded-By", name);
        return headers;
    }

    private static Calendar strictlyParsed(String ics) throws Exception {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private VEvent event(Calendar calendar, String mandateId) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> uid(e).equals(uid(mandateId))).findFirst().orElseThrow();
    }

    private String uid(VEvent event) {
        return event.getUid().map(Uid::getValue).orElse("");
    }

    private static String uid(String mandateId) {
        return "mandate-" + mandateId + "@mandatetracker";
    }

    private static Map<String, Map<String, String>> rows(String csv) throws Exception {
        Map<String, Map<String, String>> rows = new java.util.HashMap<>();
        try (MappingIterator<Map<String, String>> lines = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            lines.forEachRemaining(row -> rows.put(row.get("id"), row));
        }
        return rows;
    }
}
