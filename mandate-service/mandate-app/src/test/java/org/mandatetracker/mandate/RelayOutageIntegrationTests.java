package org.mandatetracker.mandate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.testsupport.EmbeddedBroker;
import org.mandatetracker.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.mandate.Api.unique;
import static org.mandatetracker.testsupport.TopicRecords.awaitRecords;
import static org.mandatetracker.testsupport.TopicRecords.header;

/**
 * The relay's broker is not there: commands still succeed, and once a broker comes up on that address every stored
 * event reaches the topic, which the relay creates itself with its partitions and unlimited retention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.admin.operation-timeout=2s",
        "spring.kafka.admin.close-timeout=1s"})
@Import(TestInfrastructure.class)
@DirtiesContext
class RelayOutageIntegrationTests {

    private static final int BROKER_PORT = freePort();
    private static EmbeddedKafkaKraftBroker lateBroker;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void relayToABrokerThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add(TestInfrastructure.KAFKA_OVERRIDE, () -> "127.0.0.1:" + BROKER_PORT);
    }

    @AfterAll
    static void stopTheLateBroker() {
        if (lateBroker != null) {
            lateBroker.destroy();
        }
    }

    @Test
    void noEventIsLostWhileTheBrokerIsAway() throws Exception {
        Api api = new Api(rest, json);
        String cop = unique("cop");
        String wg = unique("wg");
        assertThat(api.post("/bodies", Api.cop(cop)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.post("/bodies", Api.workingGroup(wg, cop)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (int session = 1; session <= 3; session++) {
            assertThat(api.post("/bodies/" + wg + "/mandates", """
                    {"task": "Report to session %d", "deadline": {"form": "at-session", "bodyId": "%s", "session": %d},
                     "conferredOn": "2010-10-22", "source": {"document": "5/2"}}""".formatted(session, cop, session))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(api.post("/bodies/" + wg + "/renaming", """
                {"name": "Working Group on Trafficking in Persons", "shortName": "TIP WG", "renamedOn": "2012-10-19",
                 "source": {"document": "6/1"}}""").getStatusCode()).isEqualTo(HttpStatus.OK);

        List<String> stored = jdbc.sql("SELECT eventidentifier FROM domainevententry ORDER BY globalindex")
                .query(String.class).list();
        assertThat(stored).hasSize(6);
        assertThat(relayedUpTo()).as("nothing can have been relayed without a broker").isLessThan(maxGlobalIndex());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(relayHealth(api))
                .as("the relay's own health").isEqualTo("DOWN"));
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .as("ready for commands while the broker is away").isEqualTo(HttpStatus.OK);

        lateBroker = EmbeddedBroker.start(BROKER_PORT);

        Set<String> relayed = new HashSet<>();
        awaitRecords(lateBroker.getBrokersAsString(), MandateEventTypes.TOPIC, records -> {
            records.forEach(record -> relayed.add(header(record, "ce_id")));
            return relayed.containsAll(stored);
        }, Duration.ofSeconds(120));
        assertThat(relayed).containsExactlyInAnyOrderElementsOf(stored);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(relayHealth(api)).isEqualTo("UP"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                lateBroker.getBrokersAsString()))) {
            TopicDescription topic = admin.describeTopics(List.of(MandateEventTypes.TOPIC)).allTopicNames().get()
                    .get(MandateEventTypes.TOPIC);
            assertThat(topic.partitions()).hasSizeGreaterThanOrEqualTo(6);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, MandateEventTypes.TOPIC);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
        }
    }

    private String relayHealth(Api api) {
        return api.read(rest.getForEntity("/actuator/health", String.class).getBody()).at("/components/relay/status")
                .asText();
    }

    private long maxGlobalIndex() {
        return jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    /** How far the relay's token has come, from its own token rows, without decoding them. */
    private long relayedUpTo() {
        Api api = new Api(rest, json);
        return jdbc.sql("SELECT token FROM tokenentry WHERE processorname = 'kafka-relay' AND token IS NOT NULL")
                .query(byte[].class).list().stream()
                .map(token -> api.read(new String(token, StandardCharsets.UTF_8)))
                .mapToLong(node -> node.path("globalIndex").asLong(-1))
                .max().orElse(-1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
