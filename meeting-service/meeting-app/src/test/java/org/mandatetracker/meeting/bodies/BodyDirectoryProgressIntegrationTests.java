package org.mandatetracker.meeting.bodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.meeting.Harness;
import org.mandatetracker.meeting.MeetingServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.meeting.Harness.unique;

/**
 * While the body directory is behind the topic, a meeting of a body it has not read yet is answered 503 with
 * Retry-After, not refused; and a service that has just started is not ready until it has read what was published
 * while it was away.
 */
@MeetingServiceIntegrationTest
class BodyDirectoryProgressIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private Harness harness;
    private MessageListenerContainer directory;

    @BeforeEach
    void setUp() {
        harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
        directory = listeners.getListenerContainer(BodyDirectory.CONSUMER);
    }

    @AfterEach
    void resume() {
        directory.resume();
    }

    private String scheduling(String meeting, String body) {
        return """
                {"id": "%s", "bodyId": "%s", "title": "Meeting", "kind": "INTERSESSIONAL",
                 "plannedStart": "2011-10-10", "plannedEnd": "2011-10-12", "scheduledOn": "2011-03-01",
                 "source": {"document": "5/2"}}""".formatted(meeting, body);
    }

    @Test
    void aBodyNotReadYetIsToldToComeBackAndAJustStartedServiceWaitsUntilItHasRead() {
        BodyDirectoryProgress progress = new BodyDirectoryProgress(admin, "meeting-service");
        try {
            await().atMost(Duration.ofSeconds(60)).until(progress::upToDate);
            String unknown = unique("never-established");
            ResponseEntity<String> refused = harness.post("/meetings", scheduling(unique("m"), unknown));
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

            directory.pause();
            await().atMost(Duration.ofSeconds(30)).until(directory::isPauseRequested);
            String body = unique("wg");
            harness.publishBody(body, "Working Group", LocalDate.of(2008, 10, 17));
            BodyDirectoryProgress restarted = new BodyDirectoryProgress(admin, "meeting-service");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> !progress.upToDate());
                Health starting = restarted.health();
                assertThat(starting.getStatus()).isEqualTo(Status.DOWN);
                assertThat((Long) starting.getDetails().get("behind")).isPositive();

                String meeting = unique("m");
                ResponseEntity<String> early = harness.post("/meetings", scheduling(meeting, body));
                assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(early.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                JsonNode problem = harness.read(early.getBody());
                assertThat(problem.at("/errors/0/field").asText()).isEqualTo("bodyId");
                assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("known-body");

                directory.resume();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> restarted.health().getStatus().equals(Status.UP));
                assertThat(harness.post("/meetings", scheduling(meeting, body)).getStatusCode())
                        .isEqualTo(HttpStatus.CREATED);
            } finally {
                restarted.destroy();
            }
        } finally {
            progress.destroy();
        }
    }
}
