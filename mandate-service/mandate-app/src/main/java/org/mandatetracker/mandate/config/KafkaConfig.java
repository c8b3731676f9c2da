package org.mandatetracker.mandate.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * The topic is the replay source for every read model downstream, so it keeps every event for ever. Partitions
     * cap how many consumers of one group can share the load.
     */
    @Bean
    NewTopic mandateEventsTopic(@Value("${mandate.kafka.partitions:6}") int partitions,
                                @Value("${mandate.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(MandateEventTypes.TOPIC)
                .partitions(partitions)
                .replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }
}
