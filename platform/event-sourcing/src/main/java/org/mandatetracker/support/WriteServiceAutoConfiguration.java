package org.mandatetracker.support;

import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.mandatetracker.support.asyncapi.AsyncApiController;
import org.mandatetracker.support.axon.AxonSupport;
import org.mandatetracker.support.axon.RecordingMetadata;
import org.mandatetracker.support.command.CommandApiDocs;
import org.mandatetracker.support.command.CommandProblemResponses;
import org.mandatetracker.support.projection.ProjectionSupport;
import org.mandatetracker.support.relay.RelayConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What every event-sourced write service of Mandate Tracker shares, on top of {@link ServiceBaseAutoConfiguration}:
 * Axon wiring, recording metadata, the Kafka relay and its AsyncAPI document, and the command problem responses. A
 * service adds its aggregates, its projection, its controllers, one
 * {@link org.mandatetracker.support.relay.EventPublication} bean naming its topic, and one
 * {@link org.mandatetracker.support.projection.Projections} bean naming its projections' processing groups.
 */
// Before Axon's, so that its event store and metric registry, which give way to ones defined already, give way to
// AxonSupport's.
@AutoConfiguration(after = ServiceBaseAutoConfiguration.class,
        before = {AxonAutoConfiguration.class, MicrometerMetricsAutoConfiguration.class})
@Import({AxonSupport.class, RecordingMetadata.class, RelayConfig.class, CommandProblemResponses.class,
        ProjectionSupport.class, AsyncApiController.class, CommandApiDocs.class})
public class WriteServiceAutoConfiguration {
}
