package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** The body did what it was mandated to do, as the evidence shows. */
public record MandateFulfilled(
        String mandateId, String bodyId, Evidence evidence, LocalDate occurredOn, SourceCitation source)
        implements MandateEvent {
}
