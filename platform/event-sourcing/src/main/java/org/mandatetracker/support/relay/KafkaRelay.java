package org.mandatetracker.support.relay;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mandatetracker.support.TrackerProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Relays every stored event to the service's topic. Each send blocks until the broker acknowledges it, and a
 * failure propagates, so the processor's token only moves past an event once Kafka holds it; while the broker is
 * away the processor backs off and retries, and commands carry on regardless.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final EventRecords records;
    private final Duration sendTimeout;
    private volatile boolean topicReady;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, EventRecords records,
               TrackerProperties properties) {
        this.kafka = kafka;
        this.admin = admin;
        this.records = records;
        this.sendTimeout = properties.kafka().sendTimeout();
    }

    @EventHandler
    void relay(EventMessage<?> event) throws Exception {
        ensureTopic();
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** If the broker was away at start-up, the topic is created, with its partitions and retention, before use. */
    private void ensureTopic() {
        if (!topicReady) {
            topicReady = admin.initialize();
            if (!topicReady) {
                throw new IllegalStateException("Kafka is not reachable yet; the relay will retry");
            }
            log.info("Kafka topics are in place; relaying events");
        }
    }
}
