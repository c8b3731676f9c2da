package org.mandatetracker.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Operational defaults every service shares, below any setting of its own: percentile histograms on HTTP and command
 * timings (so they can be aggregated across replicas), one trace in ten sampled unless a caller's traceparent has
 * decided (sampling every request cost a measurable share of each command's CPU; spans leave the process only when an
 * OTLP endpoint is configured), Axon's update checker off, since a service should not call an outside host
 * unasked ({@code AXONIQ_UPDATE_CHECKER_DISABLED=false} turns it back on), and at most {@value #MAX_CONNECTIONS} open
 * connections. Tomcat's own limit, 8,192, let an open-loop load that outran meeting-service hold 8,000 connections
 * with 16 kB of buffers each in the heap until the service ran out of it; past the limit, connections wait in the
 * operating system's backlog and then are refused, and the service stays up.
 */
public class OperationsDefaults implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    static final int MAX_CONNECTIONS = 1000;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("tracker-operations-defaults", Map.of(
                "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
                "management.metrics.distribution.percentiles-histogram.commandBus", "true",
                "management.tracing.sampling.probability", "0.1",
                "server.tomcat.max-connections", Integer.toString(MAX_CONNECTIONS))));
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
