package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/**
 * A document was issued for the meeting, distributed on {@code occurredOn}, under {@code agendaItem}
 * (e.g. {@code 2 (b)}) when it has one.
 */
public record DocumentIssued(
        String meetingId, String bodyId, DocumentSymbol symbol, String title, String agendaItem,
        String originalLanguage, LocalDate occurredOn, SourceCitation source) implements MeetingEvent {
}
