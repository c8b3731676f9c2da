package org.mandatetracker.report.query;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.report.projection.StoredFact;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One mandate folded from its facts that had happened by a date; empty if it had not yet been conferred. */
final class MandateFold {

    private MandateConferred conferred;
    private String task;
    private Deadline deadline;
    private boolean extended;
    private MandateStatus closedAs;
    private LocalDate closedOn;
    private SourceCitation closedBy;
    private Evidence evidence;
    private String supersededBy;

    static Optional<MandateReport> asOf(List<StoredFact> facts, LocalDate asOf, SessionCalendar calendar,
                                         Function<Deadline, String> deadlineText) {
        MandateFold fold = new MandateFold();
        facts.stream()
                .filter(fact -> !fact.occurredOn().isAfter(asOf))
                .sorted(Comparator.comparingLong(StoredFact::aggregateSeq).thenComparingLong(StoredFact::position))
                .forEach(fact -> fold.apply(fact.event()));
        return Optional.ofNullable(fold.conferred).map(c -> fold.report(asOf, calendar, deadlineText));
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
            close(MandateStatus.FULFILLED, e.occurredOn(), e.source());
            evidence = e.evidence();
        } else if (event instanceof MandateTerminated e) {
            close(MandateStatus.TERMINATED, e.occurredOn(), e.source());
        } else if (event instanceof MandateSuperseded e) {
            close(MandateStatus.SUPERSEDED, e.occurredOn(), e.source());
            supersededBy = e.supersededBy();
        }
    }

    private void close(MandateStatus status, LocalDate on, SourceCitation by) {
        closedAs = status;
        closedOn = on;
        closedBy = by;
    }

    private MandateReport report(LocalDate asOf, SessionCalendar calendar, Function<Deadline, String> deadlineText) {
        ResolvedDeadline resolved = ResolvedDeadline.of(deadline, calendar);
        MandateStatus status = closedAs != null ? closedAs : MandateStatus.ofOpen(resolved, extended, asOf);
        return new MandateReport(conferred.mandateId(), conferred.bodyId(), task, conferred.source(),
                conferred.occurredOn(), deadline, deadlineText.apply(deadline), resolved.due(), resolved.resolution(),
                resolved.meetingId(), status, extended, closedOn, closedBy, evidence, supersededBy);
    }
}
