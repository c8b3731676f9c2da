package org.mandatetracker.report.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mandatetracker.report.query.MandateReport;

import java.time.LocalDate;

/** One CSV line per mandate. */
@JsonPropertyOrder({"id", "bodyId", "task", "sourceDocument", "sourceParagraph", "conferredOn", "deadline",
        "resolvedDue", "resolution", "status", "closedOn"})
record MandateRow(String id, String bodyId, String task, String sourceDocument, String sourceParagraph,
                  LocalDate conferredOn, String deadline, LocalDate resolvedDue, String resolution, String status,
                  LocalDate closedOn) {

    static MandateRow of(MandateReport r) {
        return new MandateRow(r.id(), r.bodyId(), r.task(), r.source().document().value(), r.source().paragraph(),
                r.conferredOn(), r.deadlineText(), r.resolvedDue(), r.resolution().name(), r.status().name(),
                r.closedOn());
    }
}
