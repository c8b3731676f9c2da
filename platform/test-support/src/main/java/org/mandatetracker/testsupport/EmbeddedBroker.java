package org.mandatetracker.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The test JVM's one embedded Kafka broker, in KRaft mode (the broker {@code @EmbeddedKafka(kraft = true)} starts),
 * shared by every Spring context the JVM caches.
 */
public final class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }

    /** Starts a broker of the caller's own on the given port (0 for any), e.g. to bring one up late. */
    public static EmbeddedKafkaKraftBroker start(int port) {
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
        started.brokerProperty("auto.create.topics.enable", "false");
        if (port > 0) {
            // The KRaft test kit ignores kafkaPorts(); a listeners property of our own pins the client port.
            started.brokerProperty("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
        }
        started.afterPropertiesSet();
        log.info("Embedded KRaft Kafka broker listening on {}", started.getBrokersAsString());
        return started;
    }
}
