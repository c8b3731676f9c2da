package org.mandatetracker.report.query;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which mandates to list as of a date: any of {@code statuses} (all when empty), of one body or all, with a resolved
 * due date within the bounds given.
 */
public record MandateQuery(LocalDate asOf, Set<MandateStatus> statuses, String bodyId, LocalDate dueFrom,
                           LocalDate dueTo) {

    public static MandateQuery ofBody(String bodyId, LocalDate asOf) {
        return new MandateQuery(asOf, Set.of(), bodyId, null, null);
    }
}
