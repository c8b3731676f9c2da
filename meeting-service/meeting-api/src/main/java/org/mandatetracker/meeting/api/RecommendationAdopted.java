package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/**
 * The meeting adopted a recommendation, which appears as {@code paragraph} of the report {@code reportSymbol}.
 *
 * @param recommendationId stable id, the same for every consumer
 */
public record RecommendationAdopted(
        String meetingId, String bodyId, String recommendationId, String text, Addressee addressee,
        String paragraph, DocumentSymbol reportSymbol, LocalDate occurredOn, SourceCitation source)
        implements MeetingEvent {
}
