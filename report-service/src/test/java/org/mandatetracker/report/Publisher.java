package org.mandatetracker.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEvent;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEvent;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.support.cloudevents.CloudEventRecords;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Turns event records into the Kafka records mandate-service and meeting-service publish, in the shape their relay
 * uses ({@link CloudEventRecords}), numbering each aggregate's events as its event store would.
 */
public final class Publisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Map<String, Long> sequences = new HashMap<>();

    public Publisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, KafkaAdmin admin) {
        this.kafka = kafka;
        this.json = json;
        admin.createOrModifyTopics(TopicBuilder.name(MandateEventTypes.TOPIC).partitions(6).build(),
                TopicBuilder.name(MeetingEventTypes.TOPIC).partitions(6).build());
    }

    /** The record as its service would publish it, recorded now by {@code recordedBy}. */
    public ProducerRecord<String, byte[]> record(Object event, String recordedBy) {
        boolean mandateService = event instanceof BodyEvent || event instanceof MandateEvent;
        String aggregate = event instanceof BodyEvent body ? body.bodyId()
                : event instanceof MandateEvent mandate ? mandate.mandateId() : ((MeetingEvent) event).meetingId();
        long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
        var envelope = new CloudEventRecords.Envelope(UUID.randomUUID().toString(),
                mandateService ? MandateEventTypes.typeOf(event.getClass()) : MeetingEventTypes.typeOf(event.getClass()),
                aggregate, Instant.now(), sequence, recordedBy, UUID.randomUUID().toString());
        try {
            return CloudEventRecords.toRecord(mandateService ? MandateEventTypes.TOPIC : MeetingEventTypes.TOPIC,
                    URI.create(mandateService ? MandateEventTypes.SOURCE : MeetingEventTypes.SOURCE), envelope,
                    json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body's dissolution: a fact of one record, for tests that count what arrived under a body-id prefix. */
    public ProducerRecord<String, byte[]> dissolved(String bodyId) {
        return record(new BodyDissolved(bodyId, LocalDate.of(2020, 1, 1), SourceCitation.of("9/9", null)), "recorder");
    }

    /** The record as a consumer receives it, for tests that hand records to the fact log directly. */
    public static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()), Optional.empty());
    }

    public void send(List<ProducerRecord<String, byte[]>> records) {
        records.forEach(this::send);
    }

    /** Sends a copy, so the same record can be delivered again, as at-least-once delivery may. */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    new RecordHeaders(record.headers().toArray()))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record, e);
        }
    }
}
