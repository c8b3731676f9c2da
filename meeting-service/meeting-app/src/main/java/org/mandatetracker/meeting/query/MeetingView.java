package org.mandatetracker.meeting.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.MeetingKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting as last recorded. {@code heldFrom} and {@code heldTo} are set once it is held. The outcome lists are
 * filled for a single meeting and empty in listings.
 */
public record MeetingView(
        String id, String bodyId, String title, Integer session, MeetingKind kind, String venue,
        LocalDate plannedStart, LocalDate plannedEnd, Status status, LocalDate heldFrom, LocalDate heldTo,
        SourceCitation scheduledBy, List<JsonNode> decisions, List<JsonNode> recommendations,
        List<JsonNode> documents) {

    public enum Status { SCHEDULED, POSTPONED, HELD, CANCELLED }

    MeetingView withOutcomes(List<JsonNode> decisions, List<JsonNode> recommendations, List<JsonNode> documents) {
        return new MeetingView(id, bodyId, title, session, kind, venue, plannedStart, plannedEnd, status, heldFrom,
                heldTo, scheduledBy, decisions, recommendations, documents);
    }
}
