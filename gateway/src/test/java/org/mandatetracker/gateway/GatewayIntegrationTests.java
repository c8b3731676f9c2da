package org.mandatetracker.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.mandatetracker.gateway.security.LocalTokens;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of three loopback HTTP servers that record what reaches them: routing, roles, the headers
 * the gateway sets and strips, limits, CORS and unbuffered event streams. The real services behind it are exercised
 * by the end-to-end test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.internal-secret=internal-test-secret",
        "gateway.anonymous-reads=true",
        "gateway.local-jwt-secret=" + GatewayIntegrationTests.SECRET,
        "gateway.limits.max-request-size=10KB",
        "gateway.limits.requests-per-minute=60",
        "gateway.cors.allowed-origins=https://tracker.example"})
class GatewayIntegrationTests {

    static final String SECRET = "a-local-test-secret-of-at-least-32-bytes";

    /** What one downstream received last, by service; {@code path} includes the query. */
    record Received(String method, String path, Map<String, List<String>> headers, int bodyLength) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static final Map<String, Received> received = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> services = Map.of(
            "mandate", downstream("mandate"), "meeting", downstream("meeting"), "report", downstream("report"));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static HttpServer downstream(String name) {
        return LoopbackServers.start(exchange -> answer(name, exchange));
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        int bodyLength;
        try (InputStream body = exchange.getRequestBody()) {
            bodyLength = body.readAllBytes().length;
        }
        URI uri = exchange.getRequestURI();
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        received.put(name, new Received(exchange.getRequestMethod(), target,
                Map.copyOf(exchange.getRequestHeaders()), bodyLength));
        exchange.getResponseHeaders().set("X-Correlation-Id", "the-service-copy");
        if (exchange.getRequestURI().getPath().equals("/v3/api-docs")) {
            // A mandate is read from report-service; mandate-service documents its internal read of it too.
            String paths = name.equals("meeting") ? "\"/meetings\":{\"get\":{\"operationId\":\"meetings\"}}"
                    : "\"/mandates/{id}\":{\"get\":{\"operationId\":\"" + name + "-mandate\"}}"
                    + (name.equals("mandate") ? ",\"/bodies\":{\"post\":{\"operationId\":\"establish\"}}" : "");
            byte[] docs = ("{\"openapi\":\"" + (name.equals("report") ? "3.1.0" : "3.0.1") + "\",\"servers\":[{\"url\":\"/internal\"}],\"paths\":{" + paths + "},"
                    + "\"components\":{" + (name.equals("report")
                    ? "\"schemas\":{\"Note\":{\"type\":[\"string\",\"null\"]}}," : "") + "\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\"}}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, docs.length);
            exchange.getResponseBody().write(docs);
            exchange.close();
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/quiet-stream")) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("retry: 3000\n: subscribed\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(3000);
            }
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/calendar.ics")) {
            byte[] calendar = ("BEGIN:VCALENDAR\r\n" + "X-LINE:0123456789\r\n".repeat(200) + "END:VCALENDAR\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/calendar;charset=UTF-8");
            exchange.sendResponseHeaders(200, calendar.length);
            exchange.getResponseBody().write(calendar);
            exchange.close();
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/stream")) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("id: 1\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(2500);
                out.write("id: 2\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        byte[] answer = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) {
        services.forEach((name, server) -> registry.add("gateway.services." + name,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stopServices() {
        services.values().forEach(server -> server.stop(0));
    }

    private HttpResponse<String> send(String method, String path, String token, Map<String, String> headers,
                                      String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String role, String subject) {
        return LocalTokens.mint(SECRET, subject, role, Duration.ofMinutes(5));
    }

    @Test
    void routesEachRequestToTheServiceThatOwnsIt() throws Exception {
        Map<String, String> routes = Map.ofEntries(
                Map.entry("GET /api/bodies", "mandate /bodies"),
                Map.entry("GET /api/bodies/wg", "mandate /bodies/wg"),
                Map.entry("GET /api/bodies/wg/events", "mandate /bodies/wg/events"),
                Map.entry("GET /api/mandates/m1", "report /mandates/m1"),
                Map.entry("GET /api/mandates/m1?asOf=2011-01-01", "report /mandates/m1?asOf=2011-01-01"),
                Map.entry("POST /api/bodies/wg/mandates", "mandate /bodies/wg/mandates"),
                Map.entry("POST /api/mandates/m1/extension", "mandate /mandates/m1/extension"),
                Map.entry("POST /api/mandates/m1/task-amendment", "mandate /mandates/m1/task-amendment"),
                Map.entry("POST /api/mandates/m1/fulfilment", "mandate /mandates/m1/fulfilment"),
                Map.entry("POST /api/mandates/m1/termination", "mandate /mandates/m1/termination"),
                Map.entry("POST /api/mandates/m1/supersession", "mandate /mandates/m1/supersession"),
                Map.entry("GET /api/bodies/wg/mandates", "report /bodies/wg/mandates"),
                Map.entry("GET /api/bodies/wg/timeline", "report /bodies/wg/timeline"),
                Map.entry("GET /api/mandates", "report /mandates"),
                Map.entry("GET /api/mandates.csv", "report /mandates.csv"),
                Map.entry("GET /api/decisions/4%2F4/history", "report /decisions/4%2F4/history"),
                Map.entry("GET /api/recommendations", "report /recommendations"),
                Map.entry("GET /api/calendar.ics", "report /calendar.ics"),
                Map.entry("POST /api/subscriptions", "report /subscriptions"),
                Map.entry("GET /api/meetings", "meeting /meetings"),
                Map.entry("POST /api/meetings/cop-6/held", "meeting /meetings/cop-6/held"),
                Map.entry("GET /api/bodies/cop/sessions/6", "meeting /bodies/cop/sessions/6"),
                Map.entry("GET /api-docs/report-service", "report /v3/api-docs"));
        String recorder = token("recorder", "routing-recorder");
        for (var route : routes.entrySet()) {
            String[] request = route.getKey().split(" ");
            String[] expected = route.getValue().split(" ");
            received.clear();
            HttpResponse<String> response = send(request[0], request[1], recorder, Map.of(),
                    request[0].equals("POST") ? "{}" : null);
            assertThat(response.statusCode()).as(route.getKey() + ": " + response.body()).isEqualTo(200);
            assertThat(received).as(route.getKey()).containsOnlyKeys(expected[0]);
            assertThat(received.get(expected[0]).path()).as(route.getKey()).isEqualTo(expected[1]);
            assertThat(received.get(expected[0]).method()).isEqualTo(request[0]);
        }
    }

    @Test
    void aMandateIsReadFromReportServiceAloneWhetherAskedForAloneOrInItsBodysList() throws Exception {
        for (String read : List.of("/api/mandates/m1?asOf=2011-01-01", "/api/bodies/wg/mandates?asOf=2011-01-01",
                "/api/mandates?body=wg&asOf=2011-01-01")) {
            received.clear();
            assertThat(send("GET", read, null, Map.of(), null).statusCode()).as(read).isEqualTo(200);
            assertThat(received).as(read).containsOnlyKeys("report");
        }
    }

    @Test
    void everyRefusalOfTheGatewayIsAProblemThatSaysWhatToDo() throws Exception {
        String recorder = token("recorder", "problem-recorder");
        Map<String, HttpResponse<String>> refusals = new java.util.LinkedHashMap<>();
        refusals.put("400 firewall", send("GET", "/api/bodies/wg;jsessionid=1", null, Map.of(), null));
        refusals.put("400 tomcat NUL", send("GET", "/api/bodies/wg%00", null, Map.of(), null));
        refusals.put("401 anonymous", send("POST", "/api/bodies", null, Map.of(), "{}"));
        refusals.put("401 bad token", send("POST", "/api/bodies", "not-a-token", Map.of(), "{}"));
        refusals.put("403 reader", send("POST", "/api/bodies", token("reader", "a-reader"), Map.of(), "{}"));
        refusals.put("404 no route", send("GET", "/nothing-here", null, Map.of(), null));
        refusals.put("405 method", send("POST", "/actuator/health", recorder, Map.of(), "{}"));
        refusals.put("413 body", send("POST", "/api/bodies", recorder, Map.of(), "{\"t\":\"" + "x".repeat(20_000)
                + "\"}"));
        for (var refusal : refusals.entrySet()) {
            HttpResponse<String> response = refusal.getValue();
            int status = Integer.parseInt(refusal.getKey().substring(0, 3));
            assertThat(response.statusCode()).as(refusal.getKey() + ": " + response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).as(refusal.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            var problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as(refusal.getKey()).isEqualTo(status);
            assertThat(problem.path("title").asText()).as(refusal.getKey()).isNotBlank();
            assertThat(problem.path("type").asText()).as(refusal.getKey()).startsWith("urn:mandate-tracker:problem:");
            assertThat(problem.path("detail").asText()).as(refusal.getKey()).isNotBlank();
        }
        assertThat(refusals.get("401 anonymous").headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(JSON.readTree(refusals.get("403 reader").body()).path("detail").asText()).contains("recorder");
        assertThat(JSON.readTree(refusals.get("413 body").body()).path("detail").asText()).contains("smaller");
        assertThat(JSON.readTree(refusals.get("404 no route").body()).path("instance").asText())
                .isEqualTo("/nothing-here");
    }

    @Test
    void anOverLongPathIsAProblemToo() throws Exception {
        HttpResponse<String> response = send("GET", "/api/bodies/" + "x".repeat(20_000), null, Map.of(), null);
        assertThat(response.statusCode()).isBetween(400, 431);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(response.statusCode());
    }

    @Test
    void theServicesHearThePublicPrefixAndTheClientGetsOneCorrelationId() throws Exception {
        received.clear();
        HttpResponse<String> response = send("GET", "/api/bodies/wg", null, Map.of("X-Correlation-Id", "once"), null);
        assertThat(received.get("mandate").header("X-Forwarded-Prefix")).isEqualTo("/api");
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("once");
    }

    @Test
    void largeTextIsCompressedForClientsThatAcceptGzip() throws Exception {
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/calendar.ics")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String calendar = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").endsWith("END:VCALENDAR\r\n");
        assertThat(zipped.body().length).isLessThan(calendar.length() / 4);
        HttpResponse<String> plain = send("GET", "/api/calendar.ics", null, Map.of(), null);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(calendar);
    }

    @Test
    void anEventStreamsHeadersArriveAtOnceThroughTheGateway() throws Exception {
        Instant start = Instant.now();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/recommendations/quiet-stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            assertThat(Duration.between(start, Instant.now())).as("headers before the stream's first event")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(lines.iterator().next()).isEqualTo("retry: 3000");
        }
    }

    @Test
    void theGatewaysOwnApiDocsMergeTheServicesAtThePublicPath() throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs", null, Map.of(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        var docs = JSON.readTree(response.body());
        assertThat(docs.at("/servers/0/url").asText()).isEqualTo("/api");
        assertThat(docs.at("/paths/~1mandates~1{id}/get/operationId").asText()).as("routed to report-service")
                .isEqualTo("report-mandate");
        assertThat(docs.at("/paths/~1meetings/get/operationId").asText()).isEqualTo("meetings");
        assertThat(docs.at("/paths/~1bodies/post/operationId").asText()).isEqualTo("establish");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/info/description").asText()).doesNotContain("Not shown");
        assertThat(received.get("report").header("X-Internal-Secret")).isEqualTo("internal-test-secret");
        HttpResponse<String> ui = send("GET", "/v3/api-docs/swagger-config", null, Map.of(), null);
        assertThat(JSON.readTree(ui.body()).at("/urls/0/url").asText()).isEqualTo("/v3/api-docs");
    }

    @Test
    void anonymousWritesAre401AndReadersCannotWrite() throws Exception {
        assertThat(send("POST", "/api/bodies", null, Map.of(), "{}").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/bodies", token("reader", "a-reader"), Map.of(), "{}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/bodies", "not-a-token", Map.of(), "{}").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/bodies", null, Map.of(), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/subscriptions", token("reader", "a-reader"), Map.of(), "{}").statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/subscriptions/s1", token("reader", "a-reader"), Map.of(), null)
                .statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/subscriptions/s1", null, Map.of(), null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/bodies/b1", token("reader", "a-reader"), Map.of(), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void tokensMustNameTheIssuerAndAudienceAndExpire() throws Exception {
        Instant now = Instant.now();
        Map<String, JwtClaimsSet.Builder> refused = Map.of(
                "wrong issuer", claims(now).issuer("someone-else"),
                "no issuer", claims(now).claims(c -> c.remove("iss")),
                "wrong audience", claims(now).audience(List.of("another-api")),
                "no audience", claims(now).claims(c -> c.remove("aud")),
                "no expiry", claims(now).claims(c -> c.remove("exp")),
                "expired", claims(now).issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800)));
        for (Map.Entry<String, JwtClaimsSet.Builder> token : refused.entrySet()) {
            assertThat(send("POST", "/api/bodies", sign(token.getValue()), Map.of(), "{}").statusCode())
                    .as(token.getKey()).isEqualTo(401);
        }
        assertThat(send("POST", "/api/bodies", sign(claims(now)), Map.of(), "{}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/bodies", token("recorder", "token-checker"), Map.of(), "{}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void headIsARead() throws Exception {
        HttpResponse<String> head = send("HEAD", "/api/mandates/m1", token("reader", "rita"), Map.of(), null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(received.get("report").method()).isEqualTo("HEAD");
        assertThat(send("HEAD", "/api/bodies/b1", null, Map.of(), null).statusCode()).isEqualTo(200);
    }

    private static JwtClaimsSet.Builder claims(Instant now) {
        return JwtClaimsSet.builder().issuer(LocalTokens.ISSUER).audience(List.of(LocalTokens.AUDIENCE))
                .subject("token-checker").issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("recorder"));
    }

    private static String sign(JwtClaimsSet.Builder claims) {
        SecretKeySpec key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return new NimbusJwtEncoder(new ImmutableSecret<>(key)).encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    @Test
    void theServicesHearWhoRecordedAndTheSecretNeverWhatTheClientClaims() throws Exception {
        received.clear();
        HttpResponse<String> response = send("POST", "/api/bodies", token("recorder", "alice"),
                Map.of("X-Recorded-By", "mallory", "X-Internal-Secret", "guessed", "X-Correlation-Id", "corr-42"),
                "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        Received mandate = received.get("mandate");
        assertThat(mandate.header("X-Recorded-By")).isEqualTo("alice");
        assertThat(mandate.header("X-Internal-Secret")).isEqualTo("internal-test-secret");
        assertThat(mandate.header("X-Correlation-Id")).isEqualTo("corr-42");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-42");

        received.clear();
        send("GET", "/api/bodies", null, Map.of("X-Recorded-By", "mallory"), null);
        assertThat(received.get("mandate").header("X-Recorded-By")).isNull();
        assertThat(received.get("mandate").header("X-Correlation-Id")).isNotBlank();
    }

    /** The web application (or a load balancer) on a trusted address forwards its visitors' addresses. */
    @Test
    void anonymousVisitorsBehindATrustedProxyHaveALimitEach() throws Exception {
        Map<String, String> visitor = Map.of("X-Forwarded-For", "203.0.113.7");
        int tooMany = 0;
        for (int i = 0; i < 80; i++) {
            if (send("GET", "/api/bodies", null, visitor, null).statusCode() == 429) {
                tooMany++;
            }
        }
        assertThat(tooMany).isGreaterThan(0);
        assertThat(send("GET", "/api/bodies", null, Map.of("X-Forwarded-For", "203.0.113.8"), null).statusCode())
                .as("another visitor through the same proxy").isEqualTo(200);
    }

    /** The web application calls with one read token on behalf of all its anonymous visitors. */
    @Test
    void visitorsSharingTheWebApplicationsReadTokenHaveALimitEach() throws Exception {
        String readToken = token("reader", "web-read-token");
        int tooMany = 0;
        for (int i = 0; i < 80; i++) {
            if (send("GET", "/api/bodies", readToken, Map.of("X-Forwarded-For", "203.0.113.50"), null)
                    .statusCode() == 429) {
                tooMany++;
            }
        }
        assertThat(tooMany).isGreaterThan(0);
        assertThat(send("GET", "/api/bodies", readToken, Map.of("X-Forwarded-For", "203.0.113.51"), null)
                .statusCode()).as("another visitor with the same token").isEqualTo(200);
    }

    @Test
    void noSpellingOfAPathEscapesTheRoles() throws Exception {
        for (String spelling : List.of("/%61pi/bodies", "/api;x=1/bodies", "/api/%62odies", "/API/bodies")) {
            received.clear();
            HttpResponse<String> anonymous = send("POST", spelling, null, Map.of(), "{}");
            assertThat(received).as(spelling + " reached a service").isEmpty();
            assertThat(anonymous.statusCode()).as(spelling).isIn(400, 401, 404);
            HttpResponse<String> reader = send("POST", spelling, token("reader", "spelling-reader"), Map.of(), "{}");
            assertThat(received).as(spelling + " reached a service for a reader").isEmpty();
            assertThat(reader.statusCode()).as(spelling).isIn(400, 403, 404);
        }
    }

    /** The router decodes a path before matching it, so the limit must see it the same way. */
    @Test
    void noSpellingOfAPathEscapesTheLimit() throws Exception {
        List<String> spellings = List.of("/%61pi/bodies", "/api/%62odies");
        for (String spelling : spellings) {
            Map<String, String> visitor = Map.of("X-Forwarded-For", "203.0.113." + (20 + spellings.indexOf(spelling)));
            int routed = 0;
            int tooMany = 0;
            for (int i = 0; i < 80; i++) {
                int status = send("GET", spelling, null, visitor, null).statusCode();
                routed += status == 200 ? 1 : 0;
                tooMany += status == 429 ? 1 : 0;
            }
            assertThat(routed).as(spelling + " is routed").isGreaterThan(0);
            assertThat(tooMany).as(spelling + " is limited").isGreaterThan(0);
        }
    }

    @Test
    void oversizedBodiesAre413AndTooManyRequests429() throws Exception {
        String recorder = token("recorder", "limits-recorder");
        String big = "{\"text\": \"" + "x".repeat(20_000) + "\"}";
        assertThat(send("POST", "/api/bodies", recorder, Map.of(), big).statusCode()).isEqualTo(413);

        String busy = token("reader", "busy-reader");
        int tooMany = 0;
        for (int i = 0; i < 80; i++) {
            if (send("GET", "/api/bodies", busy, Map.of(), null).statusCode() == 429) {
                tooMany++;
            }
        }
        assertThat(tooMany).isGreaterThan(0);
        HttpResponse<String> limited = send("GET", "/api/bodies", busy, Map.of(), null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(limited.body()).path("detail").asText()).contains("wait").contains("Retry-After");
        assertThat(send("GET", "/api/bodies", token("reader", "calm-reader"), Map.of(), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBodySentInChunksIsHeldToTheSameLimitAndOneWithinItArrivesWhole() throws Exception {
        String recorder = token("recorder", "chunked-recorder");
        HttpResponse<String> big = sendChunked("/api/bodies", recorder, "{\"text\": \"" + "x".repeat(20_000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(JSON.readTree(big.body()).path("detail").asText()).contains("smaller");

        received.clear();
        String small = "{\"name\": \"Working Group on Trafficking in Persons\"}";
        assertThat(sendChunked("/api/bodies", recorder, small).statusCode()).isEqualTo(200);
        assertThat(received.get("mandate").bodyLength()).isEqualTo(small.length());
    }

    /** A body of unknown length, which the client sends with chunked transfer encoding. */
    private HttpResponse<String> sendChunked(String path, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() throws Exception {
        HttpResponse<String> allowed = send("OPTIONS", "/api/bodies", null, Map.of("Origin", "https://tracker.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tracker.example");
        HttpResponse<String> refused = send("OPTIONS", "/api/bodies", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void eventStreamsPassThroughWithoutBuffering() throws Exception {
        Instant start = Instant.now();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/recommendations/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            Iterator<String> iterator = lines.iterator();
            String first = null;
            while (iterator.hasNext() && first == null) {
                String line = iterator.next();
                if (line.startsWith("data:")) {
                    first = line;
                }
            }
            assertThat(first).isEqualTo("data: {\"n\":1}");
            assertThat(Duration.between(start, Instant.now())).as("first event before the second is written")
                    .isLessThan(Duration.ofMillis(2000));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
