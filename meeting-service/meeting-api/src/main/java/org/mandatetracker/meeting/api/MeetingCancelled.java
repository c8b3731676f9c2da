package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** The meeting will not take place; a numbered session's number is free again. */
public record MeetingCancelled(String meetingId, String bodyId, String reason, LocalDate occurredOn,
                               SourceCitation source) implements MeetingEvent {
}
