package org.mandatetracker.report.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.report.Publisher;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** New recommendations reach subscribers: over server-sent events with resumption, and by signed webhooks. */
@ReportServiceIntegrationTest
class SubscriptionsIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;

    private Publisher publisher;
    private final String body = "wg-" + UUID.randomUUID().toString().substring(0, 6);
    private final String meeting = "meeting-" + body;
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer receiver;

    /** What a webhook receiver got: bodies and signatures, by CloudEvent id. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        publisher = new Publisher(kafka, json, admin);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
    }

    private void publishRecommendation(int n) {
        publisher.send(publisher.record(new RecommendationAdopted(meeting, body, meeting + "-rec-" + n,
                "Recommendation " + n, new Addressee(null, "States parties"), Integer.toString(n),
                DocumentSymbol.parse("CTOC/COP/WG.4/2011/8"), LocalDate.of(2011, 10, 12),
                SourceCitation.of("CTOC/COP/WG.4/2011/8", null)), "recorder"));
    }

    private record Sse(String id, JsonNode data) {
    }

    /** Reads server-sent events from an open stream until {@code count} arrived. */
    private List<Sse> read(Iterator<String> lines, int count) throws IOException {
        List<Sse> events = new ArrayList<>();
        String id = null;
        while (events.size() < count && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                events.add(new Sse(id, json.readTree(line.substring(5).strip())));
            }
        }
        return events;
    }

    private Stream<String> openStream(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest.getRootUri()
                + "/recommendations/stream?body=" + body)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void anSseClientThatReconnectsWithLastEventIdGetsExactlyTheRest() throws Exception {
        String firstId;
        try (Stream<String> stream = openStream(null)) {
            Thread.sleep(300);
            for (int n = 1; n <= 3; n++) {
                publishRecommendation(n);
            }
            List<Sse> first = read(stream.iterator(), 1);
            assertThat(first.get(0).data().get("recommendationId").asText()).isEqualTo(meeting + "-rec-1");
            firstId = first.get(0).id();
        }

        try (Stream<String> resumed = openStream(firstId)) {
            List<Sse> rest = read(resumed.iterator(), 2);
            assertThat(rest).extracting(e -> e.data().get("recommendationId").asText())
                    .containsExactly(meeting + "-rec-2", meeting + "-rec-3");
            assertThat(Long.parseLong(rest.get(0).id())).isGreaterThan(Long.parseLong(firstId));
            assertThat(Long.parseLong(rest.get(1).id())).isGreaterThan(Long.parseLong(rest.get(0).id()));
        }
    }

    private String subscribe(String path, String secret) {
        ResponseEntity<String> response = rest.postForEntity("/subscriptions", Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path, "secret", secret,
                "filter", Map.of("body", body)), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(response.getBody()).get("id").asText();
    }

    private void receive(String path, String secret, int failuresPerEvent) {
        receiver.createContext(path, exchange -> {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String payload = new String(bytes, StandardCharsets.UTF_8);
            String id = read(payload).get("id").asText();
            String expected = "sha256=" + WebhookDispatcher.sign(bytes, secret);
            if (!expected.equals(exchange.getRequestHeaders().getFirst(WebhookDispatcher.SIGNATURE_HEADER))) {
                badSignatures.add(id);
            }
            boolean fail = flakyCalls.computeIfAbsent(path + id, k -> new AtomicInteger()).incrementAndGet()
                    <= failuresPerEvent;
            if (!fail) {
                received.computeIfAbsent(path + id, k -> new CopyOnWriteArrayList<>()).add(payload);
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
    }

    @Test
    void webhooksGetEachRecommendationOnceSignedAndAFlakyReceiverAfterRetries() throws InterruptedException {
        String secret = "a-secret-of-sixteen-or-more";
        receive("/steady", secret, 0);
        receive("/flaky", secret, 3);
        String steady = subscribe("/steady", secret);
        String flaky = subscribe("/flaky", secret);

        publishRecommendation(1);
        publishRecommendation(2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(received.keySet().stream().filter(k -> k.startsWith("/steady"))).hasSize(2);
            assertThat(received.keySet().stream().filter(k -> k.startsWith("/flaky"))).hasSize(2);
        });
        Thread.sleep(500);
        received.forEach((key, deliveries) -> assertThat(deliveries).as(key).hasSize(1));
        assertThat(badSignatures).isEmpty();
        JsonNode event = read(received.values().iterator().next().get(0));
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("org.mandatetracker.meeting.RecommendationAdopted");
        assertThat(event.at("/data/reportSymbol").asText()).isEqualTo("CTOC/COP/WG.4/2011/8");

        JsonNode steadyDeliveries = get("/subscriptions/" + steady + "/deliveries");
        assertThat(steadyDeliveries).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
        });
        JsonNode flakyDeliveries = get("/subscriptions/" + flaky + "/deliveries");
        assertThat(flakyDeliveries).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(d.get("attempts").asInt()).isEqualTo(4);
            assertThat(d.at("/history/0/statusCode").asInt()).isEqualTo(500);
            assertThat(d.at("/history/3/statusCode").asInt()).isEqualTo(204);
        });
    }

    @Test
    void aReceiverThatNeverAnswersIsDeadLetteredAfterTheLastAttempt() {
        String secret = "another-secret-sixteen";
        receive("/down", secret, Integer.MAX_VALUE);
        String down = subscribe("/down", secret);
        publishRecommendation(1);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode deliveries = get("/subscriptions/" + down + "/deliveries");
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("state").asText()).isEqualTo("DEAD");
            assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(8);
        });
    }

    @Test
    void unsafeWebhookTargetsAreRefused() {
        for (String url : List.of("ftp://127.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://metadata.google.internal/", "http://[fe80::1]/hook", "not a url", "http://user:pw@127.0.0.1/",
                "http://0177.0.0.1/hook", "http://0x7f.1/hook", "http://2130706433/hook")) {
            ResponseEntity<String> response = rest.postForEntity("/subscriptions",
                    Map.of("url", url, "secret", "sixteen-characters!"), String.class);
            assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(read(response.getBody()).at("/errors/0/field").asText()).as(url).isEqualTo("url");
        }
        ResponseEntity<String> shortSecret = rest.postForEntity("/subscriptions",
                Map.of("url", "http://127.0.0.1:1/hook", "secret", "short"), String.class);
        assertThat(shortSecret.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void subscriptionsAreSeenListedAndDeletedOnlyByWhoeverMadeThem() {
        String alices = subscribeAs("alice-" + body, "/alice");
        String bobs = subscribeAs("bob-" + body, "/bob");

        assertThat(exchangeAs("alice-" + body, HttpMethod.GET, "/subscriptions").getBody())
                .contains(alices).doesNotContain(bobs);
        assertThat(exchangeAs("alice-" + body, HttpMethod.GET, "/subscriptions/" + bobs).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchangeAs("alice-" + body, HttpMethod.GET, "/subscriptions/" + bobs + "/deliveries")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchangeAs("alice-" + body, HttpMethod.DELETE, "/subscriptions/" + bobs).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchangeAs("bob-" + body, HttpMethod.GET, "/subscriptions").getBody()).contains(bobs);

        assertThat(exchangeAs("alice-" + body, HttpMethod.DELETE, "/subscriptions/" + alices).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(exchangeAs("alice-" + body, HttpMethod.GET, "/subscriptions").getBody()).doesNotContain(alices);
        assertThat(exchangeAs("alice-" + body, HttpMethod.GET, "/subscriptions/" + alices).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String subscribeAs(String caller, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Recorded-By", caller);
        ResponseEntity<String> response = rest.exchange("/subscriptions", HttpMethod.POST, new HttpEntity<>(Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path,
                "secret", "a-secret-of-sixteen-or-more"), headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(response.getBody()).get("id").asText();
    }

    private ResponseEntity<String> exchangeAs(String caller, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Recorded-By", caller);
        return rest.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return read(response.getBody());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
