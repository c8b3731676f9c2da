package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** The meeting was put off without new dates; rescheduling gives it some. */
public record MeetingPostponed(String meetingId, String bodyId, String reason, LocalDate occurredOn,
                               SourceCitation source) implements MeetingEvent {
}
