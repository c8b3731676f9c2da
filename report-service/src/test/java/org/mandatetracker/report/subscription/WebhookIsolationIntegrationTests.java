package org.mandatetracker.report.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.report.Publisher;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One webhook receiver that never answers and one that answers 500 delay nobody else: a fast receiver and an SSE
 * client still get each new recommendation within a second of its publication.
 */
@ReportServiceIntegrationTest
class WebhookIsolationIntegrationTests {

    private static final int RECOMMENDATIONS = 10;
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;

    private final String body = "iso-" + UUID.randomUUID().toString().substring(0, 6);
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<HttpServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void tearDown() {
        released.countDown();
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void aHangingAndAFailingReceiverDelayNeitherAFastReceiverNorAnSseClient() throws Exception {
        Map<String, Long> fast = new ConcurrentHashMap<>();
        Map<String, Long> sse = new ConcurrentHashMap<>();
        subscribe(receiver(exchange -> {
            released.await(60, TimeUnit.SECONDS);
            exchange.close();
        }));
        subscribe(receiver(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        }));
        subscribe(receiver(exchange -> {
            JsonNode event = json.readTree(exchange.getRequestBody().readAllBytes());
            fast.putIfAbsent(event.at("/data/recommendationId").asText(), System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }));
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(rest.getRootUri()
                        + "/recommendations/stream?body=" + body)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().forEach(line -> {
            if (line.startsWith("data:")) {
                try {
                    sse.putIfAbsent(json.readTree(line.substring(5).strip()).get("recommendationId").asText(),
                            System.nanoTime());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }), "sse-reader");
        reader.setDaemon(true);
        reader.start();

        Publisher publisher = new Publisher(kafka, json, admin);
        Map<String, Long> published = new LinkedHashMap<>();
        for (int n = 1; n <= RECOMMENDATIONS; n++) {
            String id = body + "-rec-" + n;
            publisher.send(publisher.record(new RecommendationAdopted("meeting-" + body, body, id,
                    "Recommendation " + n, new Addressee(null, "States parties"), Integer.toString(n),
                    DocumentSymbol.parse("CTOC/COP/WG.4/2011/8"), LocalDate.of(2011, 10, 12),
                    SourceCitation.of("CTOC/COP/WG.4/2011/8", null)), "recorder"));
            published.put(id, System.nanoTime());
            Thread.sleep(300);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> fast.size() == RECOMMENDATIONS
                && sse.size() == RECOMMENDATIONS);
        published.forEach((id, at) -> {
            assertThat(Duration.ofNanos(fast.get(id) - at)).as("webhook " + id).isLessThan(WITHIN);
            assertThat(Duration.ofNanos(sse.get(id) - at)).as("SSE " + id).isLessThan(WITHIN);
        });
    }

    private interface Handler {
        void handle(com.sun.net.httpserver.HttpExchange exchange) throws Exception;
    }

    private String receiver(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            try (InputStream ignored = exchange.getRequestBody()) {
                handler.handle(exchange);
            } catch (Exception e) {
                exchange.close();
            }
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void subscribe(String url) {
        ResponseEntity<String> response = rest.postForEntity("/subscriptions", Map.of("url", url,
                "secret", "a-secret-of-sixteen-or-more", "filter", Map.of("body", body)), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}
