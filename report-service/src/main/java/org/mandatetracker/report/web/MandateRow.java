package org.mandatetracker.report.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.report.query.MandateReport;

import java.time.LocalDate;

/** One CSV line per mandate; a decision number is kept as text so a spreadsheet does not read it as a date. */
@JsonPropertyOrder({"id", "bodyId", "task", "sourceDocument", "sourceParagraph", "conferredOn", "deadline",
        "resolvedDue", "resolution", "status", "closedOn"})
record MandateRow(String id, String bodyId, String task, Object sourceDocument, String sourceParagraph,
                  LocalDate conferredOn, String deadline, LocalDate resolvedDue, String resolution, String status,
                  LocalDate closedOn) {

    static MandateRow of(MandateReport r) {
        DocumentReference document = r.source().document();
        return new MandateRow(r.id(), r.bodyId(), r.task(),
                document.isDecisionNumber() ? new SpreadsheetCells.KeptAsText(document.value()) : document.value(),
                r.source().paragraph(), r.conferredOn(), r.deadlineText(), r.resolvedDue(), r.resolution().name(),
                r.status().name(), r.closedOn());
    }
}
