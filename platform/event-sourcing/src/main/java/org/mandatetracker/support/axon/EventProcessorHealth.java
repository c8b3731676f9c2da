package org.mandatetracker.support.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Down while any event processor is stopped or any of its segments is in error. A streaming processor retries a
 * failing segment by itself, with pauses that double up to a minute, so this turns back to up once it recovers.
 */
public class EventProcessorHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
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
