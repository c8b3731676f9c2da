package org.mandatetracker.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.support.relay.EventRecords;
import org.mandatetracker.support.relay.EventPublication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives meeting-service over real HTTP, and puts mandate-service's events on {@code mandate.events.v1} exactly as
 * its relay does, through the same {@link EventRecords}.
 */
public record Harness(TestRestTemplate rest, ObjectMapper json, KafkaTemplate<String, byte[]> kafka) {

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void createMandateTopic(KafkaAdmin admin) {
        admin.createOrModifyTopics(TopicBuilder.name(MandateEventTypes.TOPIC).partitions(6).build());
    }

    public ProducerRecord<String, byte[]> mandateRecord(String aggregateId, long sequence, Object event) {
        var publication = new EventPublication(MandateEventTypes.TOPIC, MandateEventTypes.SOURCE,
                MandateEventTypes::typeOf);
        var message = new GenericDomainEventMessage<>("Body", aggregateId, sequence, event,
                MetaData.with("recordedBy", "mandate-recorder").and("correlationId", UUID.randomUUID().toString()));
        return new EventRecords(publication, json).toRecord(message);
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record, e);
        }
    }

    public BodyEstablished publishBody(String bodyId, String name, LocalDate establishedOn) {
        BodyEstablished event = new BodyEstablished(bodyId, new BodyProfile(name, name, BodyKind.PLENARY, null,
                false, false, null, List.of()), establishedOn, SourceCitation.of("A/RES/55/25", "32"));
        send(mandateRecord(bodyId, 0, event));
        return event;
    }

    /**
     * Publishes a new body and schedules a meeting of it for 10-12 October 2011, so that outcomes adopted on those
     * days can be recorded; retried until meeting-service has read the body.
     */
    public void scheduleMeetingInSession(String bodyId, String meetingId) {
        publishBody(bodyId, "Working Group on Trafficking in Persons", LocalDate.of(2008, 10, 17));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(post("/meetings", """
                {"id": "%s", "bodyId": "%s", "title": "Meeting of the Working Group", "kind": "INTERSESSIONAL",
                 "venue": "Vienna", "plannedStart": "2011-10-10", "plannedEnd": "2011-10-12",
                 "scheduledOn": "2011-03-01", "source": {"document": "5/2", "paragraph": "4"}}"""
                .formatted(meetingId, bodyId)).getStatusCode()).isEqualTo(HttpStatus.CREATED));
    }

    public ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-Recorded-By", "meeting-recorder");
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> get(String path) {
        return rest.getForEntity(path, String.class);
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
