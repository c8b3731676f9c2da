package org.mandatetracker.report.subscription;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A recommendation in the feed; {@code seq} is its SSE event id, increasing in the order of projection. */
public record FeedEntry(long seq, String eventId, String bodyId, Instant recordedAt, JsonNode payload) {
}
