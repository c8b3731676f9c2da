package org.mandatetracker.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mandatetracker.gateway.security.LocalTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's proxy holds a request thread for as long as it copies an answer: an event stream's for hours, any
 * other's for as long as its client reads. So the gateway bounds them, streams per client and in all, well below its
 * 200 request threads, and other requests per client: beyond a bound a request is refused with a problem and
 * {@code Retry-After}, everyone else is still answered, and a stream whose client leaves is closed at the service too
 * and gives its place back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.anonymous-reads=true",
        "gateway.local-jwt-secret=" + InFlightLimitsIntegrationTests.SECRET,
        "gateway.limits.requests-per-minute=1000"})
class InFlightLimitsIntegrationTests {

    static final String SECRET = "a-third-local-test-secret-of-32-bytes";
    /** The gateway's defaults. */
    static final int TOTAL = 100;
    static final int PER_CLIENT = 8;
    static final int IN_FLIGHT_PER_CLIENT = 32;
    /** More attempts at once than the gateway would have threads left without its bound. */
    static final int CROWD = 150;

    static final CountDownLatch release = new CountDownLatch(1);
    /** Streams the gateway hung up on, as it must once their client has gone. */
    static final AtomicInteger hungUp = new AtomicInteger();
    /** Exports are held until this is counted down, as a client reading slowly holds them. */
    static final CountDownLatch exported = new CountDownLatch(1);
    static final AtomicInteger exporting = new AtomicInteger();
    static final ExecutorService handlers = Executors.newCachedThreadPool();
    static final HttpServer report = reportService();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A report-service whose streams say they are subscribed, then send a comment every 100 ms, as the real one does
     * every 15 s, until the test ends or the gateway hangs up.
     */
    static HttpServer reportService() {
        return LoopbackServers.start(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(": subscribed\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    while (!release.await(100, TimeUnit.MILLISECONDS)) {
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException gatewayHungUp) {
                    hungUp.incrementAndGet();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (exchange.getRequestURI().getPath().endsWith("/mandates.csv")) {
                exporting.incrementAndGet();
                try {
                    exported.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = "{\"service\":\"report\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }, handlers, 2 * (TOTAL + CROWD));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + report.getAddress().getPort();
        registry.add("gateway.services.report", () -> url);
        registry.add("gateway.services.mandate", () -> url);
        registry.add("gateway.services.meeting", () -> url);
    }

    @AfterAll
    static void stop() {
        release.countDown();
        exported.countDown();
        report.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void streamsAreBoundedPerClientAndInAllAndEveryoneElseIsStillAnswered() throws Exception {
        List<Stream<String>> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                open.add(subscribed(attempt("subscriber-0")));
            }
            assertRefused(attempt("subscriber-0"), 429, "already has 8 event streams open",
                    "gateway.limits.streams-per-client");

            for (int client = 1; open.size() < TOTAL; client++) {
                for (int i = 0; i < PER_CLIENT && open.size() < TOTAL; i++) {
                    open.add(subscribed(attempt("subscriber-" + client)));
                }
            }
            assertRefused(attempt("a-late-subscriber"), 503, "already holds 100 event streams",
                    "gateway.limits.streams");
            assertThat(openStreamsGauge()).isEqualTo(TOTAL);

            List<CompletableFuture<HttpResponse<Stream<String>>>> crowd = new ArrayList<>();
            for (int i = 0; i < CROWD; i++) {
                crowd.add(http.sendAsync(streamRequest("crowd-" + i), HttpResponse.BodyHandlers.ofLines()));
            }
            for (CompletableFuture<HttpResponse<Stream<String>>> refused : crowd) {
                assertThat(refused.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
            }
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/bodies")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.body()).contains("report");

            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hungUp).hasValue(1));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<Stream<String>> again = attempt("a-late-subscriber");
                if (again.statusCode() == 200) {
                    open.add(again.body());
                } else {
                    again.body().close();
                }
                assertThat(again.statusCode()).as("a place given back").isEqualTo(200);
            });
            assertThat(openStreamsGauge()).isEqualTo(TOTAL);
        } finally {
            open.forEach(Stream::close);
        }
    }

    @Test
    void oneClientHasAtMostItsShareOfRequestsInProgressAndOthersAreStillAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT_PER_CLIENT; i++) {
            slow.add(http.sendAsync(read("/api/mandates.csv", "a-slow-reader"), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(exporting).hasValue(IN_FLIGHT_PER_CLIENT));

        HttpResponse<String> refused = http.send(read("/api/bodies", "a-slow-reader"),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(refused.statusCode(), refused.headers(), refused.body(), 429,
                "already has 32 requests in progress", "gateway.limits.requests-in-flight-per-client");
        assertThat(http.send(read("/api/bodies", "a-quick-reader"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        exported.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : slow) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(http.send(read("/api/bodies", "a-slow-reader"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("its places given back").isEqualTo(200);
    }

    /** What the gateway tells its operators of the streams it holds. */
    private int openStreamsGauge() {
        return (int) meters.get("gateway.streams.open").gauge().value();
    }

    private HttpRequest read(String path, String reader) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + LocalTokens.mint(SECRET, reader, "reader", Duration.ofHours(1)))
                .build();
    }

    private HttpRequest streamRequest(String subscriber) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recommendations/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + LocalTokens.mint(SECRET, subscriber, "reader",
                        Duration.ofHours(1)))
                .build();
    }

    private HttpResponse<Stream<String>> attempt(String subscriber) throws Exception {
        return http.sendAsync(streamRequest(subscriber), HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
    }

    private static Stream<String> subscribed(HttpResponse<Stream<String>> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().iterator().next()).isEqualTo(": subscribed");
        return response.body();
    }

    private static void assertRefused(HttpResponse<Stream<String>> response, int status, String... detail)
            throws IOException {
        String body;
        try (Stream<String> lines = response.body()) {
            // Checked first: a stream let through would never end.
            assertThat(response.statusCode()).isEqualTo(status);
            body = lines.collect(Collectors.joining("\n"));
        }
        assertProblem(response.statusCode(), response.headers(), body, status, detail);
    }

    private static void assertProblem(int actual, HttpHeaders headers, String body, int status, String... detail)
            throws IOException {
        assertThat(actual).isEqualTo(status);
        assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(headers.firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detail);
    }
}
