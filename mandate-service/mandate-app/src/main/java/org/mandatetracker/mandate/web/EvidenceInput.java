package org.mandatetracker.mandate.web;

import org.mandatetracker.support.web.InvalidRequest;
import org.mandatetracker.support.web.Limits;
import org.mandatetracker.support.web.ValidDocumentSymbol;
import jakarta.validation.constraints.Pattern;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.mandate.api.Evidence;

/** Evidence of fulfilment: exactly one of a meeting id or a document symbol. */
public record EvidenceInput(
        @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String meetingId,
        @ValidDocumentSymbol String document) {

    Evidence toEvidence(String field) {
        if ((meetingId == null) == (document == null)) {
            throw new InvalidRequest(field, "one-of", "evidence names exactly one of meetingId or document");
        }
        return meetingId != null ? new Evidence.Meeting(meetingId) : new Evidence.Document(DocumentSymbol.parse(document));
    }
}
