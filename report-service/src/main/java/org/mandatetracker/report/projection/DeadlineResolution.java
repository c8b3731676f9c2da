package org.mandatetracker.report.projection;

import org.mandatetracker.mandate.api.Deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a deadline resolves to a date, the one place this rule is written. A session-relative deadline waits on the
 * meeting holding that session, preferring one that is not cancelled when the number was scheduled again.
 */
public final class DeadlineResolution {

    private static final Comparator<SessionMeeting> PREFERRED = Comparator
            .comparing((SessionMeeting m) -> m.status() == MeetingState.Status.CANCELLED)
            .thenComparing(SessionMeeting::meetingId);

    private DeadlineResolution() {
    }

    /** The deadline resolved against the session's meetings as known on that date. */
    public static ResolvedDeadline resolve(Deadline deadline, List<SessionMeeting> sessionMeetingsThen) {
        if (deadline instanceof Deadline.OnDate onDate) {
            return new ResolvedDeadline(onDate.date(), ResolvedDeadline.Resolution.DATED, null);
        }
        if (deadline instanceof Deadline.Standing) {
            return new ResolvedDeadline(null, ResolvedDeadline.Resolution.STANDING, null);
        }
        int daysBefore = deadline instanceof Deadline.BeforeSession ? 1 : 0;
        Optional<SessionMeeting> session = sessionMeetingsThen.stream().min(PREFERRED);
        if (session.isEmpty()) {
            return new ResolvedDeadline(null, ResolvedDeadline.Resolution.UNRESOLVED, null);
        }
        SessionMeeting meeting = session.get();
        return switch (meeting.status()) {
            case CANCELLED -> new ResolvedDeadline(null, ResolvedDeadline.Resolution.SESSION_CANCELLED,
                    meeting.meetingId());
            case POSTPONED -> new ResolvedDeadline(null, ResolvedDeadline.Resolution.UNRESOLVED, meeting.meetingId());
            default -> new ResolvedDeadline(meeting.opensOn().minusDays(daysBefore),
                    ResolvedDeadline.Resolution.RESOLVED, meeting.meetingId());
        };
    }

    /**
     * The deadline resolved over a period {@code [from, to)} ({@code to} null for open-ended), against every version
     * of the session's meetings: one piece per stretch over which the answer stays the same.
     */
    static List<Version<ResolvedDeadline>> over(Deadline deadline, LocalDate from, LocalDate to,
                                                List<SessionMeeting> sessionVersions) {
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(from);
        for (SessionMeeting m : sessionVersions) {
            for (LocalDate change : new LocalDate[]{m.validFrom(), m.validTo()}) {
                if (change != null && change.isAfter(from) && (to == null || change.isBefore(to))) {
                    starts.add(change);
                }
            }
        }
        List<Version<ResolvedDeadline>> pieces = new ArrayList<>();
        for (LocalDate start : starts) {
            ResolvedDeadline resolved = resolve(deadline,
                    sessionVersions.stream().filter(m -> m.validOn(start)).toList());
            if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).state().equals(resolved)) {
                continue;
            }
            if (!pieces.isEmpty()) {
                Version<ResolvedDeadline> last = pieces.remove(pieces.size() - 1);
                pieces.add(new Version<>(last.validFrom(), start, last.state()));
            }
            pieces.add(new Version<>(start, to, resolved));
        }
        return pieces;
    }
}
