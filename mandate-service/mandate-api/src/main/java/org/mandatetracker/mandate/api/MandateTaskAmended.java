package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision changed the wording of a mandate's task. */
public record MandateTaskAmended(
        String mandateId, String bodyId, String task, LocalDate occurredOn, SourceCitation source)
        implements MandateEvent {
}
