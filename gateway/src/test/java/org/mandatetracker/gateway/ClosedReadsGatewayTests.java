package org.mandatetracker.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mandatetracker.gateway.security.LocalTokens;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment where reads need a login: only a private calendar feed's URL is let through without one, since
 * calendar apps cannot send a token; report-service decides whether the token in it is live. Requests are traced, so
 * the trace a client starts goes on to the service.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.internal-secret=internal-test-secret",
        "gateway.anonymous-reads=false",
        "gateway.local-jwt-secret=" + ClosedReadsGatewayTests.SECRET})
class ClosedReadsGatewayTests {

    static final String SECRET = "another-local-test-secret-of-32-bytes";
    static final List<String> reached = new CopyOnWriteArrayList<>();
    static final List<String> traceparents = new CopyOnWriteArrayList<>();
    static final HttpServer service = downstream();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static HttpServer downstream() {
        return LoopbackServers.start(exchange -> {
            reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("X-Recorded-By"));
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
    }

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) {
        for (String name : List.of("mandate", "meeting", "report")) {
            registry.add("gateway.services." + name, () -> "http://127.0.0.1:" + service.getAddress().getPort());
        }
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void onlyAPrivateCalendarFeedIsReadWithoutALogin() throws Exception {
        reached.clear();
        assertThat(send("GET", "/api/calendar.ics", null)).isEqualTo(401);
        assertThat(send("GET", "/api/calendar-feeds/s3cr3t-token/calendar.ics", null)).isEqualTo(200);
        assertThat(send("POST", "/api/calendar-feeds/s3cr3t-token/calendar.ics", null)).isEqualTo(401);
        assertThat(send("GET", "/api/calendar-feeds", null)).isEqualTo(401);
        assertThat(send("POST", "/api/calendar-feeds", null)).isEqualTo(401);
        String reader = LocalTokens.mint(SECRET, "ana", "reader", Duration.ofMinutes(5));
        assertThat(send("POST", "/api/calendar-feeds", reader)).isEqualTo(200);
        assertThat(send("POST", "/api/calendar-feeds/6f1c/revocation", reader)).isEqualTo(200);
        assertThat(reached).containsExactly("GET /calendar-feeds/s3cr3t-token/calendar.ics null",
                "POST /calendar-feeds ana", "POST /calendar-feeds/6f1c/revocation ana");
    }

    private int send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theTraceOfARequestContinuesToTheServiceBehindTheGateway() throws Exception {
        String reader = LocalTokens.mint(SECRET, "ana", "reader", Duration.ofMinutes(5));
        traceparents.clear();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/mandates"))
                .header("Authorization", "Bearer " + reader)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").GET().build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/mandates", reader)).isEqualTo(200);
        assertThat(traceparents).hasSize(2);
        assertThat(traceparents.get(0)).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(traceparents.get(1)).as("a trace begun at the gateway, sampled or not")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
