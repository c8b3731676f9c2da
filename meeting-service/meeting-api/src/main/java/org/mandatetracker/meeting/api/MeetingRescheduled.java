package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** The meeting was moved to new dates; {@code occurredOn} is when that was decided. */
public record MeetingRescheduled(
        String meetingId, String bodyId, LocalDate plannedStart, LocalDate plannedEnd, String reason,
        LocalDate occurredOn, SourceCitation source) implements MeetingEvent {
}
