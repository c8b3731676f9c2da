package org.mandatetracker.support;

import org.mandatetracker.support.axon.AxonSupport;
import org.mandatetracker.support.consume.ConsumerSupport;
import org.mandatetracker.support.relay.RelayConfig;
import org.mandatetracker.support.web.CorrelationIdFilter;
import org.mandatetracker.support.web.JsonConfig;
import org.mandatetracker.support.web.ProblemResponses;
import org.mandatetracker.support.web.RecordingMetadata;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Everything an event-sourced write service of Mandate Tracker shares. A service adds its aggregates, its
 * projection, its controllers, and one {@link org.mandatetracker.support.relay.EventPublication} bean naming its
 * topic. It runs before Spring MVC's auto-configuration so that its problem responses replace the default ones.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties(TrackerProperties.class)
@Import({AxonSupport.class, RelayConfig.class, ConsumerSupport.class, JsonConfig.class, ProblemResponses.class,
        RecordingMetadata.class, CorrelationIdFilter.class})
public class WriteServiceAutoConfiguration {
}
