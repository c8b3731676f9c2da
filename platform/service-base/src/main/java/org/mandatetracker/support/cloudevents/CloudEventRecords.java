package org.mandatetracker.support.cloudevents;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A fact as a Kafka record in CloudEvents 1.0 binary mode: {@code ce_*} headers, the aggregate id as key (so each
 * aggregate's events keep their order), and the event record's JSON as value. The relay publishes through this,
 * and tests that play a service's part build their records with it, so both have the same shape.
 */
public final class CloudEventRecords {

    /** Extension: the event's position in its aggregate's stream, so consumers can order an aggregate's events. */
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String RECORDED_BY = "recordedby";
    public static final String CORRELATION_ID = "correlationid";

    /**
     * What the headers say about one event.
     *
     * @param id      the event id, unique for ever ({@code ce_id})
     * @param type    e.g. {@code org.mandatetracker.mandate.BodyEstablished} ({@code ce_type})
     * @param subject the aggregate id, also the record key ({@code ce_subject})
     * @param time    when it was recorded ({@code ce_time})
     */
    public record Envelope(String id, String type, String subject, Instant time, Long aggregateSequence,
                           String recordedBy, String correlationId) {
    }

    private CloudEventRecords() {
    }

    /** A header of a received record as text, e.g. {@code header(record, "ce_id")}; {@code null} when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, URI source, Envelope envelope, byte[] json) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withType(envelope.type())
                .withSource(source)
                .withSubject(envelope.subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json);
        if (envelope.aggregateSequence() != null) {
            builder.withExtension(AGGREGATE_SEQUENCE, envelope.aggregateSequence());
        }
        if (envelope.recordedBy() != null) {
            builder.withExtension(RECORDED_BY, envelope.recordedBy());
        }
        if (envelope.correlationId() != null) {
            builder.withExtension(CORRELATION_ID, envelope.correlationId());
        }
        return KafkaMessageFactory.createWriter(topic, null, null, envelope.subject()).writeBinary(builder.build());
    }
}
