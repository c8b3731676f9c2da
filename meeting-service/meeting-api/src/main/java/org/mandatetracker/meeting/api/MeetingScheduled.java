package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/**
 * A body's meeting was scheduled: {@code occurredOn} is when that was decided, {@code source} where.
 *
 * @param session the session's number for numbered sessions ("sixth session"), otherwise {@code null}
 */
public record MeetingScheduled(
        String meetingId, String bodyId, String title, Integer session, MeetingKind kind, String venue,
        LocalDate plannedStart, LocalDate plannedEnd, LocalDate occurredOn, SourceCitation source)
        implements MeetingEvent {
}
