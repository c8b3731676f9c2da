package org.mandatetracker.report.query;

import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;

import java.time.LocalDate;

/** A recommendation as readers see it: what it says, to whom, where it was adopted and reported. */
public record RecommendationView(
        String id, String bodyId, String text, Addressee addressee, String meetingId, String meetingTitle,
        String paragraph, DocumentSymbol reportSymbol, LocalDate adoptedOn, SourceCitation source) {
}
