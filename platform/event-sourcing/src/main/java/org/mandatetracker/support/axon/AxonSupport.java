package org.mandatetracker.support.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mandatetracker.support.TrackerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AxonSupport {

    /** The name aggregates give in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String SNAPSHOT_TRIGGER = "snapshotTrigger";

    /** Aggregates with many events are loaded from a snapshot taken every so many events. */
    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, TrackerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Axon's default error handler logs a failing event handler and moves on, losing the event for that processor.
     * Here every processor propagates the failure instead, so it backs off and retries the same event.
     */
    @Bean
    ConfigurerModule processorsNeverSkip() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** Who recorded a fact, when, and in which request travel from the command to every event it causes. */
    @Bean
    CorrelationDataProvider recordingMetadataProvider() {
        return new SimpleCorrelationDataProvider(
                RecordingMetadata.RECORDED_BY, RecordingMetadata.RECORDED_AT, RecordingMetadata.CORRELATION_ID);
    }

    @Bean
    ConfigurerModule recordingMetadataOnCommands(RecordingMetadata recordingMetadata) {
        return configurer -> configurer.onInitialize(c -> c.onStart(
                () -> c.commandBus().registerDispatchInterceptor(recordingMetadata)));
    }
}
