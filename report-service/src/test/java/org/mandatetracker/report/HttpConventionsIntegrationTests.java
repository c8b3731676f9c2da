package org.mandatetracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.time.LocalDate;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What HTTP clients expect of the read API: 404 problems for ids nothing was recorded about, strong ETags with 304,
 * gzip, Cache-Control, Link headers on pages, public paths behind the gateway's prefix, and an event stream that
 * says at once that it is open.
 */
@ReportServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpConventionsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    /** A body of its own, citing a decision no other test cites, so that no other test's answers change. */
    private final String body = "http-wg-" + suffix;

    @BeforeAll
    void publishABodyWithMandatesAndARecommendation() {
        Publisher publisher = new Publisher(kafka, json, admin);
        SourceCitation decision = SourceCitation.of("98/7", "1");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(publisher.record(new BodyEstablished(body, new BodyProfile("Working Group on Conditional "
                + "Requests", "WG on HTTP", BodyKind.WORKING_GROUP, null, false, false, null, List.of()),
                LocalDate.parse("2009-01-05"), decision), "tester"));
        for (int n = 1; n <= 8; n++) {
            records.add(publisher.record(new MandateConferred(body + "-m" + n, body, "Report on the state of "
                    + "implementation of the protocol, part " + n + ", with recommendations for further work",
                    new Deadline.Standing(), LocalDate.parse("2009-01-0" + n), decision), "tester"));
        }
        String meeting = body + "-meeting";
        records.add(publisher.record(new MeetingScheduled(meeting, body, "First meeting", null,
                MeetingKind.INTERSESSIONAL, "Vienna", LocalDate.parse("2009-03-02"), LocalDate.parse("2009-03-03"),
                LocalDate.parse("2009-01-10"), decision), "tester"));
        records.add(publisher.record(new RecommendationAdopted(meeting, body, meeting + "-rec-1", "Recommendation",
                new Addressee(null, "States parties"), "1", DocumentSymbol.parse("CTOC/COP/WG.9/2009/2"),
                LocalDate.parse("2009-03-03"), decision), "tester"));
        publisher.send(records);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM fact WHERE body_id = ?").param(body).query(Long.class).single())
                .isEqualTo(records.size()));
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode problem(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    @Test
    void readsOfIdsNothingWasRecordedAboutAre404Problems() throws Exception {
        for (String path : List.of("/bodies/no-such-body/mandates", "/bodies/no-such-body/timeline",
                "/decisions/99%2F99/history", "/decisions/99/99/history", "/calendar.ics?body=no-such-body",
                "/mandates?body=no-such-body", "/recommendations?body=no-such-body")) {
            HttpResponse<byte[]> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(problem(response).path("status").asInt()).as(path).isEqualTo(404);
        }
        HttpResponse<byte[]> before = get("/bodies/" + body + "/mandates?asOf=1990-01-01", Map.of());
        assertThat(before.statusCode()).as("a known body with nothing yet").isEqualTo(200);
        assertThat(new String(before.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
        assertThat(get("/decisions/98%2F7/history?asOf=1990-01-01", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBlankIdIsA400ProblemThatSays400() throws Exception {
        HttpResponse<byte[]> response = get("/subscriptions/%20", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void behindTheGatewayProblemsAndLocationsNameThePublicPath() throws Exception {
        HttpResponse<byte[]> missing = get("/bodies/no-such-body/timeline", Map.of("X-Forwarded-Prefix", "/api"));
        assertThat(problem(missing).path("instance").asText()).isEqualTo("/api/bodies/no-such-body/timeline");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/subscriptions")).header("Content-Type", "application/json")
                .header("X-Forwarded-Prefix", "/api").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"a-secret-of-sixteen-chars\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/subscriptions/");
        String id = json.readTree(created.body()).path("id").asText();
        assertThat(location).isEqualTo("/api/subscriptions/" + id);
        HttpResponse<byte[]> followed = get(location.substring("/api".length()), Map.of());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
    }

    @Test
    void readsCarryAStrongETagAndAnswer304WhenItStillMatches() throws Exception {
        String timeline = "/bodies/" + body + "/timeline";
        HttpResponse<byte[]> first = get(timeline, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get(timeline, Map.of()).headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> unchanged = get(timeline, Map.of("If-None-Match", etag));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> earlier = get(timeline + "?asOf=2009-01-03", Map.of("If-None-Match", etag));
        assertThat(earlier.statusCode()).as("another answer, another tag").isEqualTo(200);
        assertThat(earlier.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void answersOverAKilobyteAreGzippedForClientsThatAcceptIt() throws Exception {
        String timeline = "/bodies/" + body + "/timeline";
        HttpResponse<byte[]> plain = get(timeline, Map.of());
        assertThat(plain.body().length).isGreaterThan(1024);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> zipped = get(timeline, Map.of("Accept-Encoding", "gzip"));
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(plain.body());
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag).as("each representation its own strong tag")
                .isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(get(timeline, Map.of("Accept-Encoding", "gzip", "If-None-Match", zippedTag)).statusCode())
                .isEqualTo(304);

        HttpResponse<byte[]> small = get("/subscriptions/00000000-0000-0000-0000-000000000000", Map.of(
                "Accept-Encoding", "gzip"));
        assertThat(small.headers().firstValue("Content-Encoding")).as("below a kilobyte").isEmpty();
    }

    @Test
    void pagedListsLinkTheirNeighbours() throws Exception {
        HttpResponse<byte[]> first = get("/mandates?body=" + body + "&size=1", Map.of(
                "X-Forwarded-Prefix", "/api"));
        assertThat(json.readTree(first.body()).path("total").asLong()).isGreaterThan(1);
        assertThat(first.headers().firstValue("Link")).hasValue("</api/mandates?body=" + body
                + "&size=1&page=1>; rel=\"next\"");
        HttpResponse<byte[]> second = get("/mandates?body=" + body + "&size=1&page=1", Map.of());
        assertThat(second.headers().firstValue("Link").orElseThrow())
                .contains("</mandates?body=" + body + "&size=1&page=0>; rel=\"prev\"");
        HttpResponse<byte[]> recommendations = get("/recommendations?size=1", Map.of());
        assertThat(recommendations.headers().firstValue("Link").orElseThrow()).contains("page=1>; rel=\"next\"");
    }

    @Test
    void aSubscriberHearsAtOnceThatItsStreamIsOpen() throws Exception {
        Instant start = Instant.now();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/recommendations/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            Iterator<String> first = lines.iterator();
            assertThat(List.of(first.next(), first.next())).containsExactlyInAnyOrder(":subscribed", "retry:3000");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
        }
    }
}
