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
 * Kafka broker, from wherever {@link InfrastructureChoice} decided. The database label comes from
 * {@code spring.application.name}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @ServiceConnection
    @Conditional(ContainersChosen.class)
    PostgreSQLContainer<?> postgresContainer() {
        return new PostgreSQLContainer<>("postgres:15-alpine");
    }

    @Bean
    @ServiceConnection
    @Conditional(ContainersChosen.class)
    KafkaContainer kafkaContainer() {
        return new KafkaContainer("apache/kafka:3.9.1");
    }

    @Bean
    @Conditional(LocalChosen.class)
    DynamicPropertyRegistrar localInfrastructure(Environment environment) {
        String database = LocalPostgres.createDatabase(environment.getProperty("spring.application.name", "app"));
        String kafka = EmbeddedBroker.bootstrapServers();
        return registry -> {
            registry.add("spring.datasource.url", () -> LocalPostgres.jdbcUrl(database));
            registry.add("spring.datasource.username", LocalPostgres::user);
            registry.add("spring.datasource.password", LocalPostgres::password);
            registry.add("spring.kafka.bootstrap-servers", () -> kafka);
        };
    }

    static class ContainersChosen implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InfrastructureChoice.current() == InfrastructureChoice.CONTAINERS;
        }
    }

    static class LocalChosen implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InfrastructureChoice.current() == InfrastructureChoice.LOCAL;
        }
    }
}
