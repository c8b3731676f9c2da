package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision established a body; {@code occurredOn} is the date it was established, {@code source} the decision. */
public record BodyEstablished(String bodyId, BodyProfile profile, LocalDate occurredOn, SourceCitation source)
        implements BodyEvent {
}
