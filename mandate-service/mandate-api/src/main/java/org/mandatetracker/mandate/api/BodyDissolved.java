package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision dissolved a body; no mandate can be conferred on it from then on. */
public record BodyDissolved(String bodyId, LocalDate occurredOn, SourceCitation source) implements BodyEvent {
}
