package org.mandatetracker.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mandatetracker.gateway.security.LocalTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of services that fail as real ones do: a replica that is down, a service that closes a
 * pooled connection just as the gateway sends on it, one that answers too late, and one with no replica up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.anonymous-reads=true",
        "gateway.local-jwt-secret=" + UpstreamFailureIntegrationTests.SECRET,
        "spring.http.client.read-timeout=1s"})
class UpstreamFailureIntegrationTests {

    static final String SECRET = "another-local-test-secret-of-32-bytes";

    static final ClosingService closing = new ClosingService(true);
    static final ClosingService healthy = new ClosingService(false);
    static final int down = unusedPort();
    static final int alsoDown = unusedPort();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.mandate", () -> "http://127.0.0.1:" + down + ",http://127.0.0.1:"
                + healthy.port());
        registry.add("gateway.services.meeting", () -> "http://127.0.0.1:" + closing.port());
        registry.add("gateway.services.report", () -> "http://127.0.0.1:" + alsoDown);
    }

    @AfterAll
    static void stop() throws IOException {
        closing.close();
        healthy.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (method.equals("POST")) {
            request.header("Authorization", "Bearer " + LocalTokens.mint(SECRET, "faults", "recorder",
                    Duration.ofMinutes(5))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"m-1\"}"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReplicaThatIsDownIsPassedOverForTheNextWhateverTheMethod() throws Exception {
        int before = healthy.requests.size();
        for (int i = 0; i < 4; i++) {
            assertThat(send("GET", "/api/bodies").statusCode()).isEqualTo(200);
            assertThat(send("POST", "/api/bodies").statusCode()).isEqualTo(200);
        }
        assertThat(healthy.requests.subList(before, healthy.requests.size()))
                .containsOnly("GET /bodies", "POST /bodies").hasSize(8);
    }

    @Test
    void aServiceWithNoReplicaUpIs503ProblemWithRetryAfter() throws Exception {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> response = send(method, "/api/recommendations");
            assertThat(response.statusCode()).as(method).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("detail").asText()).contains("report-service");
        }
    }

    @Test
    void aReadOnAPooledConnectionTheServiceClosedIsRepeatedOnAFreshOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = send("GET", "/api/meetings");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(closing.closedUnanswered.get()).as("pooled connections closed under a request").isPositive();
    }

    @Test
    void aWriteOnABrokenConnectionIs502AndNotRepeatedBehindTheClientsBack() throws Exception {
        assertThat(send("GET", "/api/meetings").statusCode()).isEqualTo(200);
        int posts = (int) closing.requests.stream().filter(request -> request.startsWith("POST")).count();
        HttpResponse<String> response = send("POST", "/api/meetings");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("same id");
        assertThat(closing.requests.stream().filter(request -> request.startsWith("POST")).count())
                .isEqualTo(posts + 1);
    }

    @Test
    void anAnswerThatBreaksOffAfterItsHeadersIs502() throws Exception {
        HttpResponse<String> response = send("GET", "/api/bodies/cut");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("mandate-service");
    }

    @Test
    void aServiceThatAnswersTooLateIs503() throws Exception {
        HttpResponse<String> response = send("GET", "/api/meetings/slow");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("in time");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A plain HTTP/1.1 server that keeps connections open after an answer, as Tomcat does, but closes each one when
     * the second request arrives on it: what the gateway meets when a service closes an idle connection at the
     * moment the gateway reuses it; or, if told not to close, an ordinary service. {@code /meetings/slow} answers
     * after three seconds; {@code /cut} sends its headers and dies before its body.
     */
    static final class ClosingService implements AutoCloseable {

        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger closedUnanswered = new AtomicInteger();
        private final ServerSocket server;
        private final boolean closesReusedConnections;

        ClosingService(boolean closesReusedConnections) {
            this.closesReusedConnections = closesReusedConnections;
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            daemon(this::accept);
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "closing-service");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    daemon(() -> serve(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = connection.getOutputStream();
                for (int onThisConnection = 1; ; onThisConnection++) {
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    String[] requestLine = line.split(" ");
                    int length = 0;
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        if (header.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    requests.add(requestLine[0] + " " + requestLine[1]);
                    if (closesReusedConnections && onThisConnection > 1) {
                        closedUnanswered.incrementAndGet();
                        return;
                    }
                    if (requestLine[1].endsWith("/cut")) {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        return;
                    }
                    if (requestLine[1].endsWith("/slow")) {
                        Thread.sleep(3000);
                    }
                    byte[] body = "{\"answered\":true}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // The gateway went away; nothing more to answer.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
