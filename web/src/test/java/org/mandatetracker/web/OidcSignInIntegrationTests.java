package org.mandatetracker.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mandatetracker.issuer.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in: the authorization-code flow against a real OIDC issuer (Spring Authorization Server), over
 * real HTTP, as a browser follows it. The person signed in is named by the issuer, gets the role its {@code roles}
 * claim gives, and the API is called with the issuer's access token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OidcSignInIntegrationTests {

    private static final int WEB_PORT = freePort();
    private static final int ISSUER_PORT = freePort();
    private static final String WEB = "http://127.0.0.1:" + WEB_PORT;
    private static final String ISSUER = "http://127.0.0.1:" + ISSUER_PORT;
    private static final String BROWSER_ACCEPTS = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ConfigurableApplicationContext issuer = TestIssuer.start(ISSUER_PORT,
            WEB + "/login/oauth2/code/tracker");
    private static final List<String> authorizations = new CopyOnWriteArrayList<>();
    private static final HttpServer gateway = gateway();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands in for the gateway: answers every read with an empty list, and keeps each call's Authorization. */
    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.tracker.";
        registry.add("server.port", () -> WEB_PORT);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("web.gateway-url", () -> "http://127.0.0.1:" + gateway.getAddress().getPort());
        registry.add(registration + "client-id", () -> TestIssuer.CLIENT);
        registry.add(registration + "client-secret", () -> TestIssuer.CLIENT_SECRET);
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(registration + "client-name", () -> "Test issuer");
        registry.add("spring.security.oauth2.client.provider.tracker.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stop() {
        gateway.stop(0);
        issuer.close();
    }

    @Test
    void aPersonSignsInAtTheIssuerAndRecordsWithTheRoleAndTokenItGives() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

        String signIn = get(browser, WEB + "/sign-in").body();
        assertThat(signIn).contains("href=\"/oauth2/authorization/tracker\"");

        HttpResponse<String> login = get(browser, WEB + "/oauth2/authorization/tracker");
        assertThat(login.uri().toString()).as("sent to the issuer's login page").startsWith(ISSUER + "/login");
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).as(login.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER_ACCEPTS)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + form(TestIssuer.USER) + "&password="
                        + form(TestIssuer.PASSWORD) + "&_csrf=" + form(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.uri().toString()).as("back at the web application").startsWith(WEB + "/");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Signed in as " + TestIssuer.USER);

        authorizations.clear();
        HttpResponse<String> form = get(browser, WEB + "/record/body");
        assertThat(form.statusCode()).as("the issuer's roles claim makes a recorder").isEqualTo(200);
        assertThat(form.uri().getPath()).isEqualTo("/record/body");
        get(browser, WEB + "/bodies");
        assertThat(authorizations).isNotEmpty().allSatisfy(header -> assertThat(header).startsWith("Bearer "));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(
                authorizations.get(0).substring("Bearer ".length()).split("\\.")[1]));
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo(TestIssuer.USER);
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("recorder");

        get(browser, WEB + "/sign-out");
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", BROWSER_ACCEPTS).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
