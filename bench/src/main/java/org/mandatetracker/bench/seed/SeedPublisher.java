package org.mandatetracker.bench.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.support.cloudevents.CloudEventRecords;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes generated facts as the services' relay would: {@link CloudEventRecords}' shape, the event record's
 * JSON as written by a default Spring Boot mapper, an acknowledged idempotent producer. Only the batching differs,
 * so that seeding a million facts takes minutes.
 */
public final class SeedPublisher implements SeedGenerator.Sink, AutoCloseable {

    public static final String RECORDED_BY = "bench-seed";

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final String correlationId = UUID.randomUUID().toString();

    public SeedPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024));
    }

    @Override
    public void accept(String topic, String source, String aggregateId, long sequence, Object event) {
        producer.send(toRecord(topic, source, aggregateId, sequence, event, correlationId),
                (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
    }

    /** Waits until the broker has acknowledged everything sent, and fails if it refused any of it. */
    public void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("The broker refused a seeded fact", failure.get());
        }
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, String source, String aggregateId, long sequence,
                                                   Object event, String correlationId) {
        var envelope = new CloudEventRecords.Envelope(UUID.randomUUID().toString(), typeOf(topic, event),
                aggregateId, Instant.now(), sequence, RECORDED_BY, correlationId);
        return CloudEventRecords.toRecord(topic, URI.create(source), envelope, serialize(event));
    }

    private static String typeOf(String topic, Object event) {
        return topic.equals(MandateEventTypes.TOPIC)
                ? MandateEventTypes.typeOf(event.getClass())
                : MeetingEventTypes.typeOf(event.getClass());
    }

    private static byte[] serialize(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
