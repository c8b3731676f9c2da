package org.mandatetracker.support.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.mandatetracker.support.jdbc.TransientFailures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@Import(ParkedRecordController.class)
public class ConsumerSupport {

    @Bean
    ParkedRecords parkedRecordsHealthIndicator(JdbcClient jdbc, JsonColumns json, MeterRegistry meters,
                                               PlatformTransactionManager transactions) {
        return new ParkedRecords(jdbc, json, meters, new TransactionTemplate(transactions));
    }

    /**
     * A failing record is retried with growing pauses, then parked; spring-kafka's default would log it and commit
     * past it. While it fails for a transient reason, such as the database being down, it is retried until that
     * passes and never parked; a failure of another kind then starts its count afresh.
     */
    @Bean
    CommonErrorHandler retryThenPark(ParkedRecords parked,
                                     @Value("${tracker.kafka.consumer-retry-for:10s}") Duration retryFor) {
        DefaultErrorHandler handler = new DefaultErrorHandler(parked, pauses(retryFor.toMillis()));
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure)
                ? pauses(ExponentialBackOff.DEFAULT_MAX_ELAPSED_TIME) : null);
        handler.setResetStateOnExceptionChange(true);
        return handler;
    }

    private static ExponentialBackOff pauses(long maxElapsedMillis) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(2_000);
        backOff.setMaxElapsedTime(maxElapsedMillis);
        return backOff;
    }

    /** Readiness is down while a listener is not consuming ({@code kafkaConsumers} in the health groups). */
    @Bean
    ListenerWatchdog kafkaConsumersHealthIndicator(
            KafkaListenerEndpointRegistry registry, MeterRegistry meters, ParkedRecords parked,
            @Value("${tracker.kafka.listener-restart-backoff:2s}") Duration initialBackoff) {
        return new ListenerWatchdog(registry, meters, parked, initialBackoff);
    }

    @Bean
    OncePerRecord oncePerRecord(JdbcClient jdbc) {
        return new OncePerRecord(jdbc);
    }
}
