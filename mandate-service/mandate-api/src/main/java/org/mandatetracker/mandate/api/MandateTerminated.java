package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision ended a mandate before it was fulfilled. */
public record MandateTerminated(String mandateId, String bodyId, LocalDate occurredOn, SourceCitation source)
        implements MandateEvent {
}
