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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
