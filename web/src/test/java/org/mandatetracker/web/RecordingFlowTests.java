package org.mandatetracker.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in, roles, CSRF and the recording flow, against a stand-in for the gateway that answers as the API does and
 * counts the commands it receives. The real gateway and services are exercised by the end-to-end browser tests.
 */
@SpringBootTest(properties = "web.local-jwt-secret=" + RecordingFlowTests.SECRET)
// Not printed: the live feed's first send writes its response headers on the feed's thread while perform() returns,
// and MockMvc's printing would iterate the same header map (a ConcurrentModificationException in 1 of 300 runs).
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class RecordingFlowTests {

    static final String SECRET = "a-local-secret-of-at-least-thirty-two-bytes";
    private static final HttpServer gateway;
    private static final List<String> commands = new CopyOnWriteArrayList<>();
    private static final List<String> forwardedFor = new CopyOnWriteArrayList<>();
    private static volatile int status = 201;
    private static volatile String answer = "{\"id\": \"r-1\", \"outcome\": \"RECORDED\"}";

    static {
        try {
            gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        gateway.createContext("/", exchange -> {
            forwardedFor.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            byte[] body;
            int code = 200;
            if ("POST".equals(exchange.getRequestMethod())) {
                commands.add(exchange.getRequestURI() + " " + new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                code = status;
                body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", code >= 400 ? "application/problem+json"
                        : "application/json");
            } else if (exchange.getRequestURI().getPath().equals("/api/recommendations/stream")) {
                body = """
                        :subscribed

                        id:7
                        event:RecommendationAdopted
                        data:{"recommendationId":"r-7","bodyId":"b-1","meetingId":"m-1","text":"نص التوصية",
                        data:"reportSymbol":"CTOC/COP/WG.4/2011/8","occurredOn":"2011-10-12"}

                        """.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            } else if (exchange.getRequestURI().getRawPath().equals("/api/decisions/4%2F4/history")) {
                body = """
                        [{"eventId": "e-1", "eventType": "DecisionAdopted", "summary": "Decision 4/4 adopted",
                          "occurredOn": "2008-10-17", "recordedAt": "2026-11-28T10:00:00Z", "recordedBy": "alice",
                          "source": {"document": "4/4", "paragraph": null}, "corrects": null, "bodyId": null,
                          "mandateId": null, "meetingId": "ctoc-cop-4"},
                         {"eventId": "e-2", "eventType": "BodyEstablishmentCorrected", "summary": "Corrected",
                          "occurredOn": "2008-10-17", "recordedAt": "2026-11-28T10:05:00Z", "recordedBy": "bob",
                          "source": {"document": "4/4", "paragraph": "1"}, "corrects": "e-1", "bodyId": "b-1",
                          "mandateId": null, "meetingId": null}]""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else if (exchange.getRequestURI().getPath().equals("/api/bodies/b-1")) {
                body = """
                        {"id": "b-1", "name": "Old name", "shortName": "ON", "kind": "WORKING_GROUP",
                         "openEnded": true, "interim": false, "legalBasis": ["article 1", "rule 2"],
                         "establishedOn": "2008-10-17", "establishedBy": {"document": "4/4", "paragraph": "1"}}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else if (exchange.getRequestURI().getPath().equals("/api/mandates/mt-1")) {
                body = """
                        {"id": "mt-1", "bodyId": "b-1", "bodyName": "Name on that date", "task": "Advise the COP",
                         "source": {"document": "4/4", "paragraph": "3"}, "conferredOn": "2008-10-17",
                         "deadlineText": "before session 6", "resolvedDue": "2012-10-14", "resolution": "RESOLVED",
                         "status": "OPEN", "closedOn": null, "evidence": null}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else if (exchange.getRequestURI().getPath().equals("/api/bodies/b-1/timeline")) {
                body = timelinePage(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else if (exchange.getRequestURI().getPath().equals("/api/meetings")) {
                body = meetingsPage(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else if (exchange.getRequestURI().getPath().equals("/api/mandates")) {
                body = "{\"items\": [], \"total\": 0}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            } else {
                body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
    }

    /** The stand-in's meetings: {@value #MEETINGS} of them, paged as the API pages them. */
    private static final int MEETINGS = 501;

    private static java.util.Map<String, String> params(String query) {
        java.util.Map<String, String> params = new java.util.HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return params;
    }

    /** The stand-in's timeline of b-1: {@value #TIMELINE} entries, paged and ordered as the API pages them. */
    private static final int TIMELINE = 150;

    private static String timelinePage(String query) {
        java.util.Map<String, String> params = params(query);
        int size = Integer.parseInt(params.getOrDefault("size", "500"));
        int from = Integer.parseInt(params.getOrDefault("page", "0")) * size;
        boolean newestFirst = Boolean.parseBoolean(params.get("newestFirst"));
        return java.util.stream.IntStream.range(from, Math.min(TIMELINE, from + size))
                .map(i -> newestFirst ? TIMELINE - 1 - i : i)
                .mapToObj(i -> "{\"eventId\": \"t-" + i + "\", \"eventType\": \"MeetingHeld\", \"summary\": \"Fact "
                        + i + "\", \"occurredOn\": \"2011-10-10\", \"recordedAt\": \"2026-11-28T10:00:00Z\", "
                        + "\"source\": {\"document\": \"4/4\"}, \"bodyId\": \"b-1\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String meetingsPage(String query) {
        java.util.Map<String, String> params = params(query);
        int size = Integer.parseInt(params.getOrDefault("size", "100"));
        int from = Integer.parseInt(params.getOrDefault("page", "0")) * size;
        return java.util.stream.IntStream.range(from, Math.min(MEETINGS, from + size))
                .mapToObj(i -> "{\"id\": \"m-" + i + "\", \"bodyId\": \"b-1\", \"title\": \"Meeting " + i
                        + "\", \"status\": \"SCHEDULED\", \"plannedStart\": \"2011-10-10\", "
                        + "\"plannedEnd\": \"2011-10-12\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", () -> "http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void clear() {
        commands.clear();
        status = 201;
        answer = "{\"id\": \"r-1\", \"outcome\": \"RECORDED\"}";
    }

    private static String token(String role, String secret) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("mandate-tracker-local").subject("alice-" + role)
                .issuedAt(now).expiresAt(now.plusSeconds(600)).claim("roles", List.of(role)).build();
        return new NimbusJwtEncoder(new com.nimbusds.jose.jwk.source.ImmutableSecret<>(new SecretKeySpec(
                secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private MockHttpSession signedIn(String role) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = mvc.perform(post("/sign-in").session(session).with(csrf())
                .param("token", token(role, SECRET))).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    @Test
    void anonymousVisitorsAreSentToSignInFromEveryFormAndCannotPost() throws Exception {
        for (String form : List.of("body", "correction", "mandate", "meeting", "rescheduling", "holding", "decision",
                "recommendation", "document", "fulfilment")) {
            mvc.perform(get("/record/" + form)).andExpect(redirectedUrlPattern("**/sign-in"));
            mvc.perform(post("/record/" + form).with(csrf())).andExpect(redirectedUrlPattern("**/sign-in"));
        }
        mvc.perform(post("/record/body").param("name", "x")).andExpect(status().isForbidden());
        assertThat(commands).isEmpty();
    }

    @Test
    void aTokenNotSignedByThisInstallationIsRefusedAndAReaderMayNotRecord() throws Exception {
        String page = mvc.perform(post("/sign-in").with(csrf()).param("token",
                token("recorder", "another-secret-of-at-least-thirty-two-bytes"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"token-error\"").contains("Not signed in");
        MockHttpSession reader = signedIn("reader");
        mvc.perform(get("/record/body").session(reader)).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/bodies").session(reader)).andReturn().getResponse().getContentAsString())
                .contains("Signed in as alice-reader").doesNotContain("href=\"/record\"");
    }

    @Test
    void everyCallForAPageNamesTheVisitorsAddressSoTheGatewayLimitsEachVisitor() throws Exception {
        forwardedFor.clear();
        mvc.perform(get("/bodies/b-1").with(request -> {
            request.setRemoteAddr("198.51.100.9");
            return request;
        })).andExpect(status().isOk());
        assertThat(forwardedFor).hasSizeGreaterThan(3)
                .allSatisfy(call -> assertThat(call).endsWith(" 198.51.100.9"));
    }

    @Test
    void theApisProblemIsShownBesideItsFieldWithTheFormAsTyped() throws Exception {
        MockHttpSession recorder = signedIn("recorder");
        status = 400;
        answer = """
                {"type": "about:blank", "title": "Invalid request", "status": 400,
                 "detail": "reportSymbol: must be a UN document symbol",
                 "errors": [{"field": "reportSymbol", "rule": "ValidDocumentSymbol",
                             "message": "must be a UN document symbol"}]}""";
        String page = mvc.perform(post("/record/recommendation").session(recorder).with(csrf())
                        .param("submission", "s-1").param("meetingId", "m-1").param("text", "Typed text")
                        .param("reportSymbol", "bad!").param("adoptedOn", "2011-10-12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p id=\"reportSymbol-error\" class=\"field-error\" dir=\"auto\">"
                + "must be a UN document symbol</p>").contains(">Typed text</textarea>")
                .contains("value=\"bad!\"").contains("aria-describedby=\"reportSymbol-error\"")
                .contains("Signed in as alice-recorder");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0)).startsWith("/api/meetings/m-1/recommendations ");
    }

    @Test
    void aCorrectionStartsFromTheEstablishmentAsRecorded() throws Exception {
        String page = mvc.perform(get("/record/correction").param("bodyId", "b-1").session(signedIn("recorder")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Old name\"").contains(">article 1\nrule 2</textarea>")
                .contains("value=\"2008-10-17\"").containsPattern("id=\"establishment-openEnded\"[^>]*checked")
                .doesNotContainPattern("id=\"establishment-interim\"[^>]*checked");
    }

    @Test
    void theLiveFeedSendsEachNewRecommendationOnAsAListItemWithItsEventId() throws Exception {
        MvcResult feed = mvc.perform(get("/recommendations/stream").param("body", "b-1"))
                .andExpect(request().asyncStarted()).andReturn();
        long deadline = System.currentTimeMillis() + 10_000;
        String sent = "";
        while (!sent.contains("id:7") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            sent = feed.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(sent).contains("event:recommendation").contains("id:7")
                .contains("<li id=\"recommendation-r-7\" class=\"recommendation\">")
                .contains("<span dir=\"auto\">نص التوصية</span>").contains("href=\"/meetings/m-1\"")
                .contains("<time datetime=\"2011-10-12\">12 October 2011</time>");
    }

    @Test
    void aDecisionsHistoryShowsEachLinesProvenanceAndLinksAndMarksCorrections() throws Exception {
        String page = mvc.perform(get("/decisions").param("ref", "4/4")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("<h1>History of 4/4</h1>").contains("Decision 4/4 adopted")
                .contains("<time datetime=\"2008-10-17\">17 October 2008</time>").contains("recorded by alice on")
                .contains("href=\"/meetings/ctoc-cop-4\"").contains("href=\"/bodies/b-1\"")
                .containsPattern("id=\"fact-e-2\" class=\"correction\"").contains("href=\"#fact-e-1\"");
    }

    @Test
    void everyListFilteredByBodyKeepsTheBodyAsTypedAndSuggestsBodies() throws Exception {
        for (String list : List.of("/meetings", "/deadlines", "/recommendations")) {
            String page = mvc.perform(get(list).param("body", "b-1")).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).as(list).contains("<label for=\"body\">Body</label>")
                    .containsPattern("<input id=\"body\" name=\"body\" value=\"b-1\" list=\"bodies\"")
                    .contains("hx-get=\"/suggestions/bodies\"").contains("<datalist id=\"bodies\">");
        }
    }

    @Test
    void anAddressEditedByHandThatCannotBeReadNamesWhatIsWrongAndAsksNothingOfTheApi() throws Exception {
        forwardedFor.clear();
        String page = mvc.perform(get("/bodies/b-1").param("asOf", "2011-13-01")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("asOf: write the date as YYYY-MM-DD, for example 2011-01-01");
        assertThat(mvc.perform(get("/bodies/b-1/timeline").param("page", "two")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).contains("page: write a whole number");
        assertThat(forwardedFor).isEmpty();
    }

    @Test
    void aMandatesPageNamesItsBodyAsOfTheDateFromTheMandateItself() throws Exception {
        forwardedFor.clear();
        String page = mvc.perform(get("/mandates/mt-1").param("asOf", "2011-01-01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/bodies/b-1?asOf=2011-01-01\"").contains("Name on that date")
                .contains("<time datetime=\"2012-10-14\">14 October 2012</time>");
        assertThat(forwardedFor).extracting(call -> call.split(" ")[0]).containsExactly("/api/mandates/mt-1");
    }

    @Test
    void aBodysPageShowsTheLatestOfItsTimelineAndTheTimelinesOwnPageIsPagedOldestFirst() throws Exception {
        String body = mvc.perform(get("/bodies/b-1").param("asOf", "2011-01-01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Latest in its timeline").contains("id=\"fact-t-149\"").contains("id=\"fact-t-130\"")
                .doesNotContain("id=\"fact-t-129\"").contains("href=\"/bodies/b-1/timeline?asOf=2011-01-01\"");
        assertThat(body.indexOf("id=\"fact-t-149\"")).isLessThan(body.indexOf("id=\"fact-t-148\""));

        String first = mvc.perform(get("/bodies/b-1/timeline").param("asOf", "2011-01-01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Timeline of Old name").contains("id=\"fact-t-0\"").contains("id=\"fact-t-99\"")
                .doesNotContain("id=\"fact-t-100\"").doesNotContain("rel=\"prev\"")
                .containsPattern("href=\"/bodies/b-1/timeline\\?asOf=2011-01-01&amp;page=1\"\\s+rel=\"next\"");
        String last = mvc.perform(get("/bodies/b-1/timeline").param("asOf", "2011-01-01").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(last).contains("id=\"fact-t-100\"").contains("id=\"fact-t-149\"").contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void theMeetingsListIsPagedAndItsDownloadFollowsEveryPage() throws Exception {
        String list = mvc.perform(get("/meetings")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("Meeting 99").doesNotContain("Meeting 100<")
                .contains("href=\"/meetings?body=&amp;from=&amp;to=&amp;page=1\" rel=\"next\"");
        String last = mvc.perform(get("/meetings").param("page", "5")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(last).contains("Meeting 500").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        String csv = mvc.perform(get("/meetings.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(1 + MEETINGS);
        assertThat(csv).contains("\r\nm-500,b-1,Meeting 500,");
    }

    @Test
    void pagesSpeakFrenchWhenAskedAndEveryEnglishTextHasAFrenchOne() throws Exception {
        String page = mvc.perform(get("/bodies").param("lang", "fr")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("lang=\"fr\"").contains("<h1>Organes</h1>").contains("Non connecté");
        java.util.Properties english = new java.util.Properties();
        java.util.Properties french = new java.util.Properties();
        english.load(getClass().getResourceAsStream("/messages.properties"));
        french.load(new java.io.InputStreamReader(getClass().getResourceAsStream("/messages_fr.properties"),
                StandardCharsets.UTF_8));
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    @Test
    void aFormSubmittedTwiceIsSentOnceAndBothSubmitsSeeItsResult() throws Exception {
        MockHttpSession recorder = signedIn("recorder");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/record/recommendation").session(recorder).with(csrf()).param("submission", "s-2")
                    .param("id", "r-1").param("meetingId", "m 1").param("text", "Once"))
                    .andExpect(redirectedUrl("/meetings/m%201"));
        }
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0)).startsWith("/api/meetings/m%201/recommendations ").contains("\"id\":\"r-1\"");
    }
}
