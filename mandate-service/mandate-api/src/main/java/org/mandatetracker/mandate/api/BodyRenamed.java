package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision gave a body a new name. */
public record BodyRenamed(String bodyId, String name, String shortName, LocalDate occurredOn, SourceCitation source)
        implements BodyEvent {
}
