package org.mandatetracker.support.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.mandatetracker.support.axon.RecordingMetadata;
import org.mandatetracker.support.cloudevents.CloudEventRecords;

import java.net.URI;

/** A stored Axon event as the Kafka record the service publishes, in the shape {@link CloudEventRecords} defines. */
public class EventRecords {

    private final EventPublication publication;
    private final URI source;
    private final ObjectMapper json;

    public EventRecords(EventPublication publication, ObjectMapper json) {
        this.publication = publication;
        this.source = URI.create(publication.source());
        this.json = json;
    }

    public ProducerRecord<String, byte[]> toRecord(EventMessage<?> event) {
        boolean domain = event instanceof DomainEventMessage<?>;
        String subject = domain ? ((DomainEventMessage<?>) event).getAggregateIdentifier() : event.getIdentifier();
        Long sequence = domain ? ((DomainEventMessage<?>) event).getSequenceNumber() : null;
        var envelope = new CloudEventRecords.Envelope(event.getIdentifier(),
                publication.typeOf().apply(event.getPayloadType()), subject, event.getTimestamp(), sequence,
                text(event.getMetaData().get(RecordingMetadata.RECORDED_BY)),
                text(event.getMetaData().get(RecordingMetadata.CORRELATION_ID)));
        return CloudEventRecords.toRecord(publication.topic(), source, envelope, serialize(event.getPayload()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private byte[] serialize(Object payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
