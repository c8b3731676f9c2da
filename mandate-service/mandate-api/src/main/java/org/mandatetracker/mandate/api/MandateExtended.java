package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision gave a mandate a new deadline. */
public record MandateExtended(
        String mandateId, String bodyId, Deadline deadline, LocalDate occurredOn, SourceCitation source)
        implements MandateEvent {
}
