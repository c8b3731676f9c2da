package org.mandatetracker.report.projection;

import java.time.LocalDate;

/**
 * A deadline turned into a date where it can be, on some date. "Before session n of B" is due the day before that
 * session opens, "at session n of B" the day it opens; either is unresolved until the session is scheduled (or while
 * it is postponed), and flagged when it has been cancelled.
 *
 * @param due        the date, or {@code null}
 * @param resolution how the date was found, or why there is none
 * @param meetingId  the session's meeting, for the session forms once scheduled
 */
public record ResolvedDeadline(LocalDate due, Resolution resolution, String meetingId) {

    public enum Resolution { DATED, RESOLVED, UNRESOLVED, SESSION_CANCELLED, STANDING }
}
