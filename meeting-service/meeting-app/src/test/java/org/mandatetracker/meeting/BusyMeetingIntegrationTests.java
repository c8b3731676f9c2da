package org.mandatetracker.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.meeting.Harness.unique;

/**
 * One meeting taking many outcomes: commands arriving all at once take turns without any failing for load, and the
 * meeting's snapshots keep none of its outcomes, which the outcome registry knows instead, so they stay the same size.
 * Connections beyond the service's limit wait outside it.
 */
@MeetingServiceIntegrationTest
class BusyMeetingIntegrationTests {

    private static final String LONG_TEXT = "States parties should consider establishing national rapporteurs or "
            + "equivalent mechanisms to monitor the implementation of anti-trafficking measures, and should report "
            + "on the measures taken, with particular regard to the identification of victims. ".repeat(3);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServletWebServerApplicationContext context;
    @LocalServerPort
    int port;

    private Harness harness;

    @BeforeEach
    void setUp() {
        harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
    }

    /**
     * An open-loop load that outran the service once held 8,000 connections open in it, with their buffers in the
     * heap, until it ran out of memory. Past the limit, connections wait outside the service.
     */
    @Test
    void connectionsBeyondTheLimitWaitOutsideTheServiceWhichStaysUp() throws Exception {
        var protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 1_200; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                } catch (IOException backlogFull) {
                    // Beyond the operating system's backlog too, the connection is not taken at all.
                }
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(protocol.getConnectionCount())
                    .as("connections the service holds, of 1,200 opened").isBetween(900L, 1_000L));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK));
    }

    /** More clients at once than the service has request threads: the rest wait their turn, and none fails. */
    @Test
    void manyConcurrentCommandsAtOneMeetingAreAllRecordedAndNoneFailsForLoad() throws Exception {
        String meeting = meetingInSession();
        int commands = 200;
        ExecutorService clients = Executors.newFixedThreadPool(120);
        try {
            List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                String recommendation = recommendation(meeting + "-rec-" + i, "Recommendation " + i);
                answers.add(clients.submit(() -> harness.post("/meetings/" + meeting + "/recommendations",
                        recommendation)));
            }
            for (Future<ResponseEntity<String>> answer : answers) {
                ResponseEntity<String> response = answer.get(5, TimeUnit.MINUTES);
                assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isFalse();
                assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype LIKE '%RecommendationAdopted'""")
                .param(meeting).query(Long.class).single()).isEqualTo(commands);
        var workers = (ThreadPoolExecutor) ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler().getExecutor();
        assertThat(workers.getLargestPoolSize()).as("request threads ever at work at once").isLessThanOrEqualTo(64);
    }

    @Test
    void aMeetingWithManyRecommendationsHasASnapshotOfNoneOfThemAndStillKnowsThemAll() {
        String meeting = meetingInSession();
        int recommendations = 120;
        for (int i = 0; i < recommendations; i++) {
            ResponseEntity<String> adopted = harness.post("/meetings/" + meeting + "/recommendations",
                    recommendation(meeting + "-rec-" + i, LONG_TEXT + i));
            assertThat(adopted.getStatusCode()).as(adopted.getBody()).isEqualTo(HttpStatus.OK);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT coalesce(max(sequencenumber), -1) FROM snapshotevententry WHERE aggregateidentifier = ?")
                .param(meeting).query(Long.class).single() >= recommendations - 50);
        String snapshot = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM snapshotevententry WHERE aggregateidentifier = ?
                        ORDER BY sequencenumber DESC LIMIT 1""")
                .param(meeting).query(String.class).single();
        assertThat(snapshot).as("a snapshot of a meeting with %d recommendations", recommendations)
                .doesNotContain(meeting + "-rec-")
                .hasSizeLessThan(2_000);

        ResponseEntity<String> again = harness.post("/meetings/" + meeting + "/recommendations",
                recommendation(meeting + "-rec-7", LONG_TEXT + 7));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(harness.read(again.getBody()).get("outcome").asText()).isEqualTo("UNCHANGED");
        ResponseEntity<String> different = harness.post("/meetings/" + meeting + "/recommendations",
                recommendation(meeting + "-rec-7", "Something else entirely"));
        assertThat(different.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private String meetingInSession() {
        String meeting = unique("busy");
        harness.scheduleMeetingInSession(unique("wg"), meeting);
        return meeting;
    }

    private static String recommendation(String id, String text) {
        return """
                {"id": "%s", "text": "%s", "addressee": {"description": "States parties"}, "paragraph": "1",
                 "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-11",
                 "source": {"document": "CTOC/COP/WG.4/2011/8", "paragraph": "1"}}""".formatted(id, text);
    }
}
