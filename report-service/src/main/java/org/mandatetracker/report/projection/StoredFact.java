package org.mandatetracker.report.projection;

import org.mandatetracker.citation.Fact;
import org.mandatetracker.citation.SourceCitation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fact as report-service holds it: the event record, and when, by whom and in which order it was recorded.
 *
 * @param aggregateSeq the event's position in its aggregate's stream
 * @param position     the order in which report-service stored it, a tie-breaker only
 */
public record StoredFact(
        long position, String eventId, String aggregateId, long aggregateSeq, String bodyId, Instant recordedAt,
        String recordedBy, Fact event) {

    public LocalDate occurredOn() {
        return event.occurredOn();
    }

    public SourceCitation source() {
        return event.source();
    }

    public String type() {
        return event.getClass().getSimpleName();
    }
}
