package org.mandatetracker.support.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.mandatetracker.support.TrackerProperties;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@Import({KafkaRelay.class, EventRecords.class})
public class RelayConfig {

    /**
     * Down while the relay cannot reach the broker ({@code relay} in {@code /actuator/health}). Not part of readiness:
     * commands are still recorded meanwhile, and relayed once the broker is back.
     */
    @Bean
    HealthIndicator relayHealthIndicator(KafkaRelay relay) {
        return relay::health;
    }

    /** The topic is the replay source for every read model downstream, so it keeps every event for ever. */
    @Bean
    NewTopic publishedEventsTopic(EventPublication publication, TrackerProperties properties) {
        return TopicBuilder.name(publication.topic())
                .partitions(properties.kafka().partitions())
                .replicas(properties.kafka().replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }
}
