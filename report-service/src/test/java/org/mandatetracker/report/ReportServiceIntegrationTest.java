package org.mandatetracker.report;

import org.mandatetracker.testsupport.TestInfrastructure;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port, with a real PostgreSQL database and Kafka broker, shared by every class
 * carrying this annotation. Webhooks may target loopback (the tests' receivers) and retry quickly, and a receiver's
 * open circuit breaker lets a trial through after a second; the tests play
 * the other services' part, so they get a producer of raw bytes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "report.webhooks.allow-private-targets=true",
        "report.webhooks.initial-backoff=100ms",
        "report.webhooks.max-backoff=1s",
        "report.webhooks.breaker-open-for=1s",
        "report.stream.poll-interval=100ms",
        "tracker.kafka.consumer-retry-for=1s",
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer"})
@Import(TestInfrastructure.class)
public @interface ReportServiceIntegrationTest {
}
