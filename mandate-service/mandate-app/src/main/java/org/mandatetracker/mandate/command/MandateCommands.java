package org.mandatetracker.mandate.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;

import java.time.LocalDate;

/** What a recorder can ask of a mandate. */
public final class MandateCommands {

    private MandateCommands() {
    }

    public record ConferMandate(
            @TargetAggregateIdentifier String mandateId, String bodyId, String task, Deadline deadline,
            LocalDate conferredOn, SourceCitation source) {
    }

    public record AmendMandateTask(
            @TargetAggregateIdentifier String mandateId, String task, LocalDate amendedOn, SourceCitation source) {
    }

    public record ExtendMandate(
            @TargetAggregateIdentifier String mandateId, Deadline deadline, LocalDate extendedOn,
            SourceCitation source) {
    }

    public record RecordMandateFulfilment(
            @TargetAggregateIdentifier String mandateId, Evidence evidence, LocalDate fulfilledOn,
            SourceCitation source) {
    }

    public record TerminateMandate(
            @TargetAggregateIdentifier String mandateId, LocalDate terminatedOn, SourceCitation source) {
    }

    public record SupersedeMandate(
            @TargetAggregateIdentifier String mandateId, String supersededBy, LocalDate supersededOn,
            SourceCitation source) {
    }
}
