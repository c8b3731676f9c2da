package org.mandatetracker.meeting;

import org.mandatetracker.testsupport.TestInfrastructure;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port, with a real PostgreSQL database and Kafka broker. Every class carrying only
 * this annotation shares one Spring context, and so one database. A failing Kafka record is retried for a second
 * before it is parked, to keep the tests short.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.kafka.consumer-retry-for=1s")
@Import(TestInfrastructure.class)
public @interface MeetingServiceIntegrationTest {
}
