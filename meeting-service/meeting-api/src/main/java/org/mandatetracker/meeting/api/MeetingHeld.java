package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** The meeting took place from {@code occurredOn}, its opening day, to {@code endedOn}. */
public record MeetingHeld(String meetingId, String bodyId, LocalDate occurredOn, LocalDate endedOn,
                          SourceCitation source) implements MeetingEvent {
}
