package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/** A decision conferred a task on a body; {@code occurredOn} is the date it was conferred. */
public record MandateConferred(
        String mandateId, String bodyId, String task, Deadline deadline, LocalDate occurredOn, SourceCitation source)
        implements MandateEvent {
}
