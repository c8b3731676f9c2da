package org.mandatetracker.report.query;

import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.report.projection.MandateFold;
import org.mandatetracker.report.projection.MandateState;
import org.mandatetracker.report.projection.MeetingFold;
import org.mandatetracker.report.projection.MeetingState;
import org.mandatetracker.report.projection.ResolvedDeadline;
import org.mandatetracker.report.projection.StoredFact;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tests' oracle: a mandate as of a date, folded in memory from its facts and every meeting's, with the deadline
 * resolved and the status decided in plain Java. The stored views' SQL must answer exactly this.
 */
final class ReferenceFold {

    private static final Comparator<StoredFact> OWN_ORDER = Comparator.comparingLong(StoredFact::aggregateSeq)
            .thenComparingLong(StoredFact::position);

    private ReferenceFold() {
    }

    static Optional<MandateReport> report(List<StoredFact> mandateFacts, Collection<StoredFact> meetingFacts,
                                          LocalDate asOf, String bodyName, Function<Deadline, String> deadlineText) {
        List<StoredFact> own = mandateFacts.stream().sorted(OWN_ORDER).toList();
        List<MeetingState> meetings = meetingFacts.stream()
                .collect(Collectors.groupingBy(StoredFact::aggregateId)).values().stream()
                .map(one -> MeetingFold.asOf(one.stream().sorted(OWN_ORDER).toList(), asOf))
                .flatMap(Optional::stream).toList();
        return MandateFold.asOf(own, asOf).map(state -> report(state, meetings, asOf, bodyName, deadlineText));
    }

    private static MandateReport report(MandateState m, List<MeetingState> meetings, LocalDate asOf, String bodyName,
                                        Function<Deadline, String> deadlineText) {
        ResolvedDeadline resolved = resolve(m.deadline(), meetings);
        MandateStatus status = m.closure() != null ? MandateStatus.valueOf(m.closure().name())
                : statusOfOpen(resolved, m.extended(), asOf);
        return new MandateReport(m.mandateId(), m.bodyId(), bodyName, m.task(), m.source(), m.conferredOn(), m.deadline(),
                deadlineText.apply(m.deadline()), resolved.due(), resolved.resolution(), resolved.meetingId(), status,
                m.extended(), m.closedOn(), m.closedBy(), m.evidence(), m.supersededBy());
    }

    static ResolvedDeadline resolve(Deadline deadline, List<MeetingState> meetings) {
        if (deadline instanceof Deadline.OnDate onDate) {
            return new ResolvedDeadline(onDate.date(), ResolvedDeadline.Resolution.DATED, null);
        }
        if (deadline instanceof Deadline.BeforeSession before) {
            return fromSession(session(meetings, before.bodyId(), before.session()), 1);
        }
        if (deadline instanceof Deadline.AtSession at) {
            return fromSession(session(meetings, at.bodyId(), at.session()), 0);
        }
        return new ResolvedDeadline(null, ResolvedDeadline.Resolution.STANDING, null);
    }

    /** Session {@code number} of the body: the meeting holding it, preferring one that is not cancelled. */
    private static Optional<MeetingState> session(List<MeetingState> meetings, String bodyId, int number) {
        return meetings.stream()
                .filter(m -> bodyId.equals(m.bodyId()) && m.session() != null && m.session() == number)
                .min(Comparator.comparing((MeetingState m) -> m.status() == MeetingState.Status.CANCELLED)
                        .thenComparing(MeetingState::meetingId));
    }

    private static ResolvedDeadline fromSession(Optional<MeetingState> session, int daysBefore) {
        if (session.isEmpty()) {
            return new ResolvedDeadline(null, ResolvedDeadline.Resolution.UNRESOLVED, null);
        }
        MeetingState meeting = session.get();
        if (meeting.status() == MeetingState.Status.CANCELLED) {
            return new ResolvedDeadline(null, ResolvedDeadline.Resolution.SESSION_CANCELLED, meeting.meetingId());
        }
        if (meeting.status() == MeetingState.Status.POSTPONED) {
            return new ResolvedDeadline(null, ResolvedDeadline.Resolution.UNRESOLVED, meeting.meetingId());
        }
        return new ResolvedDeadline(meeting.start().minusDays(daysBefore), ResolvedDeadline.Resolution.RESOLVED,
                meeting.meetingId());
    }

    private static MandateStatus statusOfOpen(ResolvedDeadline deadline, boolean extended, LocalDate asOf) {
        if (deadline.resolution() == ResolvedDeadline.Resolution.STANDING) {
            return MandateStatus.STANDING;
        }
        LocalDate due = deadline.due();
        if (due != null && asOf.isAfter(due)) {
            return MandateStatus.OVERDUE;
        }
        if (due != null && ChronoUnit.DAYS.between(asOf, due) <= MandateStatus.DUE_SOON_DAYS) {
            return MandateStatus.DUE_SOON;
        }
        return extended ? MandateStatus.EXTENDED : MandateStatus.OPEN;
    }
}
