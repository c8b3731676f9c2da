package org.mandatetracker.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Import this into a service's integration tests to give its Spring context a fresh PostgreSQL database and a
 * Kafka broker, from wherever {@link InfrastructureChoice} decided. The database is labelled with
 * {@code spring.application.name}. A test that needs a broker of its own (to take it away, say) names it in
 * {@value #KAFKA_OVERRIDE}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    public static final String KAFKA_OVERRIDE = "test.kafka.bootstrap-servers";

    @Bean
    @ServiceConnection
    @Conditional(ContainersChosen.class)
    PostgreSQLContainer<?> postgresContainer() {
        return new PostgreSQLContainer<>("postgres:15-alpine");
    }

    @Bean
    @ServiceConnection
    @Conditional(KafkaContainerChosen.class)
    KafkaContainer kafkaContainer() {
        return new KafkaContainer("apache/kafka:3.9.1");
    }

    @Bean
    DynamicPropertyRegistrar testInfrastructureProperties(Environment environment) {
        boolean local = InfrastructureChoice.current() == InfrastructureChoice.LOCAL;
        String database = local
                ? LocalPostgres.createDatabase(environment.getProperty("spring.application.name", "app")) : null;
        String kafka = environment.containsProperty(KAFKA_OVERRIDE) ? environment.getProperty(KAFKA_OVERRIDE)
                : local ? EmbeddedBroker.bootstrapServers() : "";
        return registry -> {
            if (database != null) {
                registry.add("spring.datasource.url", () -> LocalPostgres.jdbcUrl(database));
                registry.add("spring.datasource.username", LocalPostgres::user);
                registry.add("spring.datasource.password", LocalPostgres::password);
            }
            if (!kafka.isEmpty()) {
                registry.add("spring.kafka.bootstrap-servers", () -> kafka);
            }
        };
    }

    static class ContainersChosen implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InfrastructureChoice.current() == InfrastructureChoice.CONTAINERS;
        }
    }

    static class KafkaContainerChosen extends ContainersChosen {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata) && !context.getEnvironment().containsProperty(KAFKA_OVERRIDE);
        }
    }
}
