package org.mandatetracker.mandate.query;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;

import java.time.LocalDate;

/**
 * A mandate as last recorded. {@code status} is what was recorded (open, fulfilled, terminated, superseded);
 * deadline-aware statuses as of a date are the report service's business.
 */
public record MandateView(
        String id, String bodyId, String task, Deadline deadline, LocalDate conferredOn, SourceCitation source,
        Status status, LocalDate closedOn, SourceCitation closedBy, Evidence evidence, String supersededBy) {

    public enum Status { OPEN, FULFILLED, TERMINATED, SUPERSEDED }
}
