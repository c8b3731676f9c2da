package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/**
 * The planned or held dates were recorded wrongly; these are the right ones, from {@code occurredOn} to
 * {@code endsOn}. The earlier record stays in the history.
 */
public record MeetingDatesCorrected(
        String meetingId, String bodyId, Dates which, LocalDate occurredOn, LocalDate endsOn, String reason,
        SourceCitation source) implements MeetingEvent {

    /** Which of the meeting's dates are corrected. */
    public enum Dates { PLANNED, HELD }
}
