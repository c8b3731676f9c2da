package org.mandatetracker.report.query;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.report.projection.ResolvedDeadline;

import java.time.LocalDate;

/**
 * One mandate as of a date: what it asks, where it comes from, its deadline as written and resolved, and its status.
 *
 * @param bodyName       the mandated body's name as of the date
 * @param deadlineText   the deadline in words, e.g. "before session 6 of the Conference of the Parties (COP)"
 * @param closedOn       when it was fulfilled, terminated or superseded
 * @param closedBy       the source of that fact
 * @param evidence       for a fulfilled mandate: the meeting or document that shows it
 */
public record MandateReport(
        String id, String bodyId, String bodyName, String task, SourceCitation source, LocalDate conferredOn, Deadline deadline,
        String deadlineText, LocalDate resolvedDue, ResolvedDeadline.Resolution resolution, String sessionMeetingId,
        MandateStatus status, boolean extended, LocalDate closedOn, SourceCitation closedBy, Evidence evidence,
        String supersededBy) {
}
