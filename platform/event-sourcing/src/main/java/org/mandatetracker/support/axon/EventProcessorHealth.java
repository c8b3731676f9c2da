package org.mandatetracker.support.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Down while any of the event processors it watches is stopped or has a segment in error. A streaming processor
 * retries a failing segment by itself, with pauses that double up to a minute, so this turns back to up once it
 * recovers.
 */
public class EventProcessorHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final Predicate<String> watched;

    /** Watches the processors whose names pass {@code watched}. */
    public EventProcessorHealth(EventProcessingConfiguration processing, Predicate<String> watched) {
        this.processing = processing;
        this.watched = watched;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!watched.test(processor.getName())) {
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            up &= processor.isRunning();
            if (processor instanceof StreamingEventProcessor streaming) {
                detail.put("error", streaming.isError());
                up &= !streaming.isError();
                Map<Integer, String> failing = new LinkedHashMap<>();
                for (Map.Entry<Integer, EventTrackerStatus> segment : streaming.processingStatus().entrySet()) {
                    if (segment.getValue().isErrorState()) {
                        failing.put(segment.getKey(), String.valueOf(segment.getValue().getError()));
                    }
                }
                if (!failing.isEmpty()) {
                    up = false;
                    detail.put("failingSegments", failing);
                }
            }
            details.put(processor.getName(), detail);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
