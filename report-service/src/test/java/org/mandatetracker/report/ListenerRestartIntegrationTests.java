package org.mandatetracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener whose consumers stop (as spring-kafka stops them on an Error, while the container still says it runs)
 * makes readiness fail, is restarted, and then applies every record published meanwhile.
 */
@ReportServiceIntegrationTest
class ListenerRestartIntegrationTests {

    private static final String LISTENER = "report-mandate-events";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void aListenerThatStopsConsumingMakesReadinessFailAndIsRestartedWithNothingMissing() throws Exception {
        Publisher publisher = new Publisher(kafka, json, admin);
        String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 6);
        publisher.send(publisher.dissolved(prefix + "-before"));
        await().atMost(Duration.ofSeconds(60)).until(() -> facts(prefix) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().getStatusCode() == HttpStatus.OK);

        var container = (ConcurrentMessageListenerContainer<?, ?>) registry.getListenerContainer(LISTENER);
        container.getContainers().forEach(MessageListenerContainer::stop);
        assertThat(container.isRunning()).isTrue();

        ResponseEntity<String> down = readiness();
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.getBody()).contains("\"kafkaConsumers\":{\"status\":\"DOWN\"");

        List<ProducerRecord<String, byte[]>> meanwhile = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            meanwhile.add(publisher.dissolved(prefix + "-" + i));
        }
        publisher.send(meanwhile);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(readiness().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(facts(prefix)).isEqualTo(21);
        });
        JsonNode listener = json.readTree(readiness().getBody()).at("/components/kafkaConsumers/details/" + LISTENER);
        assertThat(listener.get("consuming").asBoolean()).isTrue();
        assertThat(listener.get("restarts").asInt()).isPositive();
    }


    private long facts(String prefix) {
        return jdbc.sql("SELECT count(*) FROM fact WHERE body_id LIKE ?").param(prefix + "-%").query(Long.class)
                .single();
    }

    private ResponseEntity<String> readiness() {
        return rest.getForEntity("/actuator/health/readiness", String.class);
    }
}
