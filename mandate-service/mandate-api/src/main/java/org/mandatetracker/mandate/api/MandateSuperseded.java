package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision replaced a mandate, by another mandate when {@code supersededBy} names one. */
public record MandateSuperseded(
        String mandateId, String bodyId, String supersededBy, LocalDate occurredOn, SourceCitation source)
        implements MandateEvent {
}
