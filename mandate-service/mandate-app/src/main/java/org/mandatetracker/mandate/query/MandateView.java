package org.mandatetracker.mandate.query;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;

import java.time.LocalDate;

/**
 * A mandate as last recorded. {@code recording} says only whether commands may still change the mandate, and if
 * not, which recorded fact closed it. It is not the mandate's status: whether a mandate is open, due soon, overdue,
 * fulfilled and so on as of a date is answered by report-service alone ({@code GET /api/mandates/{id}}).
 */
public record MandateView(
        String id, String bodyId, String task, Deadline deadline, LocalDate conferredOn, SourceCitation source,
        Recording recording, LocalDate closedOn, SourceCitation closedBy, Evidence evidence, String supersededBy) {

    /** Whether the record of a mandate is still open to change, or which fact closed it. */
    public enum Recording {
        /** Its task may be amended, its deadline extended, and it may be fulfilled, terminated or superseded. */
        OPEN_TO_CHANGE,
        /** Closed by a recorded fulfilment ({@code evidence}); commands that would change it are refused. */
        CLOSED_FULFILLED,
        /** Closed by a recorded termination; commands that would change it are refused. */
        CLOSED_TERMINATED,
        /** Closed by a recorded supersession ({@code supersededBy}); commands that would change it are refused. */
        CLOSED_SUPERSEDED
    }
}
