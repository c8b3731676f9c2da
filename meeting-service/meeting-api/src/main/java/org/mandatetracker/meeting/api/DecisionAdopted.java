package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;
import java.util.List;

/**
 * The meeting adopted a decision or resolution, numbered like {@code 4/4} or known by its document symbol.
 */
public record DecisionAdopted(
        String meetingId, String bodyId, DocumentReference reference, Type type, String title,
        List<OperativeParagraph> paragraphs, LocalDate occurredOn, SourceCitation source) implements MeetingEvent {

    public enum Type { DECISION, RESOLUTION }

    public DecisionAdopted {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
}
