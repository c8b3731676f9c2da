package org.mandatetracker.support.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.mandatetracker.support.TrackerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
public class AxonSupport {

    /** The name aggregates give in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String SNAPSHOT_TRIGGER = "snapshotTrigger";

    /** The name aggregates give in {@code @Aggregate(lockFactory = ...)}. */
    public static final String AGGREGATE_LOCKS = "aggregateLocks";

    /** The name aggregates give in {@code @Aggregate(cache = ...)}. */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    /** The processing group of the relay to Kafka. */
    public static final String RELAY = "kafka-relay";

    /** Events a pooled processor's stream reads ahead of its coordinator. */
    private static final int READ_AHEAD = 1024;

    /**
     * As Axon's own, but sharing the last {@value #READ_AHEAD} events among the processors' streams rather than
     * 10,000: those 10,000 events, serialized and deserialized, were a fifth of a service's live heap after a burst
     * of writes, and a processor more than a read-ahead behind reads the store anyway.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .cachedEvents(READ_AHEAD)
                .build();
    }

    /** Axon's metrics, with capacity over the last minute (see {@link OneMinuteCapacityMetrics}). */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new OneMinuteCapacityMetrics(meters);
    }

    /** Aggregates with many events are loaded from a snapshot taken every so many events. */
    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, TrackerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Recently used aggregates stay in memory between commands, checked against the event store on every load. */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(DataSource dataSource, MeterRegistry meters, TrackerProperties properties) {
        return new VerifiedAggregateCache(properties.aggregateCacheSize(), new JdbcTemplate(dataSource), meters);
    }

    /** Commands to one aggregate take turns, in arrival order; one that has waited 10 s is answered 503. */
    @Bean(AGGREGATE_LOCKS)
    LockFactory aggregateLocks() {
        return new FairAggregateLocks(Duration.ofSeconds(10));
    }

    /**
     * A command's transaction begins before it waits for its aggregate's lock. Taking the connection only at the
     * first statement means commands queueing for one busy aggregate hold no connection, so they cannot drain the
     * pool that other commands and the event processors need.
     */
    @Bean
    static BeanPostProcessor connectionsOnFirstUse() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                        ? new LazyConnectionDataSourceProxy(dataSource) : bean;
            }
        };
    }

    /**
     * Pooled processors learn of each new event as soon as it is stored, rather than by polling twice a second. With
     * replicas, a killed replica's segments pass to another within about the claim timeout (5 s, {@code
     * axon.eventhandling.tokenstore.claim-timeout}) and a second, rather than Axon's 10 s and 5 s: claims are
     * extended every 2 s and unclaimed segments looked for every second.
     */
    @Bean
    ConfigurerModule pooledProcessorsReadPromptly() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.messageSource(new PromptEventSource(config.eventStore(), READ_AHEAD))
                        .tokenClaimInterval(1_000).claimExtensionThreshold(2_000));
    }

    /**
     * Axon's default error handler logs a failing event handler and moves on, losing the event for that processor.
     * Here every processor propagates the failure instead: a projection then dead-letters the event (see
     * {@link org.mandatetracker.support.projection.ProjectionSupport}), and any other processor, such as the relay,
     * backs off and retries the same event. Nothing is skipped.
     */
    @Bean
    ConfigurerModule processorsNeverSkip() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * Readiness is down while a projection's processor is stopped or failing ({@code eventProcessors} in the health
     * groups). The relay has its own indicator, outside readiness: commands go on while the broker is away.
     */
    @Bean
    EventProcessorHealth eventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return new EventProcessorHealth(processing, name -> !RELAY.equals(name));
    }

    /** Who recorded a fact, when, and in which request travel from the command to every event it causes. */
    @Bean
    CorrelationDataProvider recordingMetadataProvider() {
        return new SimpleCorrelationDataProvider(
                RecordingMetadata.RECORDED_BY, RecordingMetadata.RECORDED_AT, RecordingMetadata.CORRELATION_ID,
                RecordingMetadata.TRACEPARENT);
    }

    @Bean
    ConfigurerModule recordingMetadataOnCommands(RecordingMetadata recordingMetadata) {
        return configurer -> configurer.onInitialize(c -> c.onStart(
                () -> c.commandBus().registerDispatchInterceptor(recordingMetadata)));
    }
}
