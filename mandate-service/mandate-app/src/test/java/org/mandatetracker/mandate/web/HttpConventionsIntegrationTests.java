package org.mandatetracker.mandate.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.Api;
import org.mandatetracker.mandate.MandateServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service behind the gateway: what Tomcat refuses on its own is still a problem, and what the service names
 * (a created resource's {@code Location}) is under the gateway's public prefix.
 */
@MandateServiceIntegrationTest
class HttpConventionsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void requestsTomcatRefusesBeforeTheServiceSeesThemAreProblems() throws Exception {
        Map<String, String> refused = Map.of(
                "encoded slash", "GET /bodies/a%2Fb HTTP/1.1",
                "encoded NUL", "GET /bodies/a%00b HTTP/1.1",
                "over-long path", "GET /bodies/" + "x".repeat(20_000) + " HTTP/1.1");
        for (var request : refused.entrySet()) {
            String response = raw(request.getValue());
            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            assertThat(status).as(request.getKey() + ": " + head).isBetween(400, 499);
            assertThat(head.toLowerCase()).as(request.getKey()).contains("content-type: application/problem+json");
            assertThat(json.readTree(body).path("status").asInt()).as(request.getKey() + ": " + body)
                    .isEqualTo(status);
        }
    }

    @Test
    void aCreatedBodysLocationIsItsPublicPathBehindTheGateway() throws Exception {
        String id = Api.unique("cop");
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/bodies")).header("Content-Type", "application/json")
                .header("X-Forwarded-Prefix", "/api").POST(HttpRequest.BodyPublishers.ofString(Api.cop(id))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/bodies/" + id);
    }

    /** Sends the request line as it is (HTTP clients refuse to), and reads the whole answer. */
    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
