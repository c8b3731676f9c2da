package org.mandatetracker.support.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
public class ConsumerSupport {

    @Bean
    ParkedRecords parkedRecords(JdbcClient jdbc, JsonColumns json, MeterRegistry meters) {
        return new ParkedRecords(jdbc, json, meters);
    }

    /**
     * A failing record is retried with growing pauses, then parked; spring-kafka's default would log it and commit
     * past it.
     */
    @Bean
    CommonErrorHandler retryThenPark(ParkedRecords parked,
                                     @Value("${tracker.kafka.consumer-retry-for:10s}") Duration retryFor) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(2_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        return new DefaultErrorHandler(parked, backOff);
    }

    @Bean
    OncePerRecord oncePerRecord(JdbcClient jdbc) {
        return new OncePerRecord(jdbc);
    }
}
