package org.mandatetracker.report.projection;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.report.projection.MandateState.Closure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One mandate folded from its facts that had happened by a date; empty if it had not yet been conferred. */
public final class MandateFold {

    private MandateConferred conferred;
    private String task;
    private Deadline deadline;
    private boolean extended;
    private Closure closure;
    private LocalDate closedOn;
    private SourceCitation closedBy;
    private Evidence evidence;
    private String supersededBy;

    /** @param facts one mandate's facts, in its own order */
    public static Optional<MandateState> asOf(List<StoredFact> facts, LocalDate asOf) {
        MandateFold fold = new MandateFold();
        facts.stream().filter(fact -> !fact.occurredOn().isAfter(asOf)).forEach(fact -> fold.apply(fact.event()));
        return Optional.ofNullable(fold.conferred).map(c -> new MandateState(c.mandateId(), c.bodyId(), fold.task,
                c.source(), c.occurredOn(), fold.deadline, fold.extended, fold.closure, fold.closedOn, fold.closedBy,
                fold.evidence, fold.supersededBy));
    }

    private void apply(Object event) {
        if (event instanceof MandateConferred e) {
            conferred = e;
            task = e.task();
            deadline = e.deadline();
        } else if (conferred == null) {
            return;
        } else if (event instanceof MandateTaskAmended e) {
            task = e.task();
        } else if (event instanceof MandateExtended e) {
            deadline = e.deadline();
            extended = true;
        } else if (event instanceof MandateFulfilled e) {
            close(Closure.FULFILLED, e.occurredOn(), e.source());
            evidence = e.evidence();
        } else if (event instanceof MandateTerminated e) {
            close(Closure.TERMINATED, e.occurredOn(), e.source());
        } else if (event instanceof MandateSuperseded e) {
            close(Closure.SUPERSEDED, e.occurredOn(), e.source());
            supersededBy = e.supersededBy();
        }
    }

    private void close(Closure how, LocalDate on, SourceCitation by) {
        closure = how;
        closedOn = on;
        closedBy = by;
    }
}
