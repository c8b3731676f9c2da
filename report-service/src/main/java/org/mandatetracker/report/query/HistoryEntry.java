package org.mandatetracker.report.query;

import org.mandatetracker.citation.SourceCitation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact in a history or timeline.
 *
 * @param summary  one line saying what happened, in words
 * @param corrects for a correction, the id of the event it corrects; it is listed right after that event
 */
public record HistoryEntry(
        String eventId, String eventType, String summary, LocalDate occurredOn, Instant recordedAt, String recordedBy,
        SourceCitation source, String corrects) {
}
