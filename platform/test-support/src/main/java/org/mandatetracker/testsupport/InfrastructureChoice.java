package org.mandatetracker.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.util.Locale;

/**
 * The one place that decides where integration tests get PostgreSQL and Kafka: Testcontainers when a Docker engine
 * answers, otherwise the local PostgreSQL server and an embedded KRaft broker. {@code MT_TEST_INFRASTRUCTURE=local}
 * or {@code =containers} overrides the probe.
 */
public enum InfrastructureChoice {
    CONTAINERS, LOCAL;

    private static final Logger log = LoggerFactory.getLogger(InfrastructureChoice.class);
    private static volatile InfrastructureChoice decided;

    public static InfrastructureChoice current() {
        if (decided == null) {
            synchronized (InfrastructureChoice.class) {
                if (decided == null) {
                    decided = decide();
                }
            }
        }
        return decided;
    }

    private static InfrastructureChoice decide() {
        String override = System.getenv("MT_TEST_INFRASTRUCTURE");
        if (override != null && !override.isBlank()) {
            InfrastructureChoice choice = valueOf(override.strip().toUpperCase(Locale.ROOT));
            log.info("Test infrastructure: {} (set by MT_TEST_INFRASTRUCTURE)", choice);
            return choice;
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        InfrastructureChoice choice = docker ? CONTAINERS : LOCAL;
        log.info("Test infrastructure: {} ({})", choice, docker
                ? "a Docker engine answered: PostgreSQL and Kafka from Testcontainers"
                : "no Docker engine: local PostgreSQL and an embedded KRaft broker");
        return choice;
    }
}
