package org.mandatetracker.report.query;

import org.mandatetracker.citation.SourceCitation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact in a history or timeline, with the ids of what it is about, so a client can follow it.
 *
 * @param summary   one line saying what happened, in words
 * @param corrects  for a correction, the id of the event it corrects; it is listed right after that event
 * @param mandateId the mandate it is about, if any
 * @param meetingId the meeting it is about (or that adopted or issued it), if any
 */
public record HistoryEntry(
        String eventId, String eventType, String summary, LocalDate occurredOn, Instant recordedAt, String recordedBy,
        SourceCitation source, String corrects, String bodyId, String mandateId, String meetingId) {
}
