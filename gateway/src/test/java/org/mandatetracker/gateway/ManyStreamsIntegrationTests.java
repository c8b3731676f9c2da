package org.mandatetracker.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribers hold their event streams open for hours, and the gateway's proxy holds a request thread for each. So
 * the gateway must not share the write services' small request-thread limit: more subscribers than that limit all
 * get their streams, and the gateway still answers everyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.anonymous-reads=true",
        "gateway.local-jwt-secret=a-third-local-test-secret-of-32-bytes",
        "gateway.limits.requests-per-minute=1000"})
class ManyStreamsIntegrationTests {

    /** More than the 64 request threads a write service has. */
    static final int SUBSCRIBERS = 100;

    static final CountDownLatch release = new CountDownLatch(1);
    static final ExecutorService handlers = Executors.newCachedThreadPool();
    static final HttpServer report = reportService();

    @LocalServerPort
    int port;

    /** A report-service whose streams say they are subscribed, then stay open until the test ends. */
    static HttpServer reportService() {
        return LoopbackServers.start(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(": subscribed\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] answer = "{\"service\":\"report\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }, handlers, SUBSCRIBERS * 2);
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
        report.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void moreSubscribersThanAWriteServiceHasThreadsAllGetTheirStreamsAndOthersAreStillAnswered() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            streams.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/recommendations/stream")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        List<Stream<String>> open = new ArrayList<>();
        try {
            for (CompletableFuture<HttpResponse<Stream<String>>> stream : streams) {
                HttpResponse<Stream<String>> response = stream.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                open.add(response.body());
                assertThat(response.body().iterator().next()).isEqualTo(": subscribed");
            }
            assertThat(open).hasSize(SUBSCRIBERS);

            HttpResponse<String> other = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/api/bodies")).build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.body()).contains("report");
        } finally {
            release.countDown();
            open.forEach(Stream::close);
        }
    }
}
