package org.mandatetracker.report.projection;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;

import java.time.LocalDate;

/**
 * A mandate as its own facts had made it by some date: what its status is computed from, once its deadline is
 * resolved against the sessions known on that date.
 *
 * @param closure  how it was closed, or {@code null} while open
 * @param closedBy the source of the closing fact
 */
public record MandateState(
        String mandateId, String bodyId, String task, SourceCitation source, LocalDate conferredOn, Deadline deadline,
        boolean extended, Closure closure, LocalDate closedOn, SourceCitation closedBy, Evidence evidence,
        String supersededBy) {

    public enum Closure { FULFILLED, TERMINATED, SUPERSEDED }
}
