package org.mandatetracker.support.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.mandatetracker.support.axon.RecordingMetadata;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Turns a stored event into a Kafka record in CloudEvents 1.0 binary mode: {@code ce_*} headers, the aggregate id
 * as key (so each aggregate's events keep their order), and the event record as JSON value.
 */
public class CloudEventRecords {

    public static final String RECORDED_BY = "recordedby";
    public static final String CORRELATION_ID = "correlationid";
    /** The event's position in its aggregate's stream, so consumers can order an aggregate's events. */
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";

    private final EventPublication publication;
    private final URI source;
    private final ObjectMapper json;

    public CloudEventRecords(EventPublication publication, ObjectMapper json) {
        this.publication = publication;
        this.source = URI.create(publication.source());
        this.json = json;
    }

    public ProducerRecord<String, byte[]> toRecord(EventMessage<?> event) {
        String subject = event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : event.getIdentifier();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withType(publication.typeOf().apply(event.getPayloadType()))
                .withSource(source)
                .withSubject(subject)
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(serialize(event.getPayload()));
        if (event instanceof DomainEventMessage<?> domain) {
            builder.withExtension(AGGREGATE_SEQUENCE, domain.getSequenceNumber());
        }
        addExtension(builder, RECORDED_BY, event.getMetaData().get(RecordingMetadata.RECORDED_BY));
        addExtension(builder, CORRELATION_ID, event.getMetaData().get(RecordingMetadata.CORRELATION_ID));
        CloudEvent cloudEvent = builder.build();
        return KafkaMessageFactory.createWriter(publication.topic(), null, null, subject).writeBinary(cloudEvent);
    }

    private static void addExtension(CloudEventBuilder builder, String name, Object value) {
        if (value != null) {
            builder.withExtension(name, value.toString());
        }
    }

    private byte[] serialize(Object payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
