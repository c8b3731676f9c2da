package org.mandatetracker.report.query;

/**
 * Where a mandate stands on a date: closed as fulfilled, terminated or superseded; else standing if it has no
 * deadline; overdue once its resolved date has passed; due soon within {@value #DUE_SOON_DAYS} days of it; otherwise
 * extended if a decision has extended it, else open. The rule is {@link MandateReports}' SQL, the one place that
 * answers it.
 */
public enum MandateStatus {
    OPEN, DUE_SOON, OVERDUE, FULFILLED, EXTENDED, SUPERSEDED, TERMINATED, STANDING;

    /** Due within this many days counts as due soon. */
    public static final int DUE_SOON_DAYS = 30;
}
