package org.mandatetracker.report.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Where a mandate stands on a date. */
public enum MandateStatus {
    OPEN, DUE_SOON, OVERDUE, FULFILLED, EXTENDED, SUPERSEDED, TERMINATED, STANDING;

    /** Due within this many days counts as due soon. */
    public static final int DUE_SOON_DAYS = 30;

    /**
     * The status of an open (not fulfilled, terminated or superseded) mandate on {@code asOf}: standing if it has no
     * deadline; overdue once its resolved date has passed; due soon within 30 days of it; otherwise extended if a
     * decision has extended it, else open.
     */
    static MandateStatus ofOpen(ResolvedDeadline deadline, boolean extended, LocalDate asOf) {
        if (deadline.resolution() == ResolvedDeadline.Resolution.STANDING) {
            return STANDING;
        }
        LocalDate due = deadline.due();
        if (due != null && asOf.isAfter(due)) {
            return OVERDUE;
        }
        if (due != null && ChronoUnit.DAYS.between(asOf, due) <= DUE_SOON_DAYS) {
            return DUE_SOON;
        }
        return extended ? EXTENDED : OPEN;
    }
}
