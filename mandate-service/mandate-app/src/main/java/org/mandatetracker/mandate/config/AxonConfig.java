package org.mandatetracker.mandate.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mandatetracker.mandate.query.OncePerEvent;
import org.mandatetracker.mandate.query.MandateProjection;
import org.mandatetracker.mandate.web.RecordingMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Aggregates with many events are loaded from a snapshot taken every this many events. */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                              @Value("${mandate.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon's default error handler logs a failing event handler and moves on, losing the event for that processor.
     * Here every processor propagates the failure instead, so it backs off and retries the same event.
     */
    @Bean
    ConfigurerModule processorsNeverSkip(JdbcClient jdbc) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(MandateProjection.PROCESSING_GROUP,
                        c -> new OncePerEvent(jdbc, MandateProjection.PROCESSING_GROUP));
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
