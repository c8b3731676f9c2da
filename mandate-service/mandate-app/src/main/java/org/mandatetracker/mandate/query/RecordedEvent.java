package org.mandatetracker.mandate.query;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an aggregate's stream as stored: what it says ({@code payload}), and the metadata saying who
 * recorded it, when, and in which request.
 */
public record RecordedEvent(
        String eventId, long sequenceNumber, String type, Instant recordedAt, Map<String, Object> metadata,
        Object payload) {
}
