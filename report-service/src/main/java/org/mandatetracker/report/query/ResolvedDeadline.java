package org.mandatetracker.report.query;

import org.mandatetracker.mandate.api.Deadline;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A deadline turned into a date where it can be. "Before session n of B" is due the day before that session opens,
 * "at session n of B" the day it opens; either is unresolved until the session is scheduled, and flagged when it has
 * been cancelled.
 *
 * @param due        the date, or {@code null}
 * @param resolution how the date was found, or why there is none
 * @param meetingId  the session's meeting, for the session forms once scheduled
 */
public record ResolvedDeadline(LocalDate due, Resolution resolution, String meetingId) {

    public enum Resolution { DATED, RESOLVED, UNRESOLVED, SESSION_CANCELLED, STANDING }

    public static ResolvedDeadline of(Deadline deadline, SessionCalendar calendar) {
        if (deadline instanceof Deadline.OnDate onDate) {
            return new ResolvedDeadline(onDate.date(), Resolution.DATED, null);
        }
        if (deadline instanceof Deadline.BeforeSession before) {
            return fromSession(calendar.session(before.bodyId(), before.session()), 1);
        }
        if (deadline instanceof Deadline.AtSession at) {
            return fromSession(calendar.session(at.bodyId(), at.session()), 0);
        }
        return new ResolvedDeadline(null, Resolution.STANDING, null);
    }

    private static ResolvedDeadline fromSession(Optional<MeetingState> session, int daysBefore) {
        if (session.isEmpty()) {
            return new ResolvedDeadline(null, Resolution.UNRESOLVED, null);
        }
        MeetingState meeting = session.get();
        if (meeting.status() == MeetingState.Status.CANCELLED) {
            return new ResolvedDeadline(null, Resolution.SESSION_CANCELLED, meeting.meetingId());
        }
        if (meeting.status() == MeetingState.Status.POSTPONED) {
            return new ResolvedDeadline(null, Resolution.UNRESOLVED, meeting.meetingId());
        }
        return new ResolvedDeadline(meeting.start().minusDays(daysBefore), Resolution.RESOLVED, meeting.meetingId());
    }
}
