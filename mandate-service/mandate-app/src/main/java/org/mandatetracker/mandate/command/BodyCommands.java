package org.mandatetracker.mandate.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyProfile;

import java.time.LocalDate;

/** What a recorder can ask of a body. */
public final class BodyCommands {

    private BodyCommands() {
    }

    public record EstablishBody(
            @TargetAggregateIdentifier String bodyId, BodyProfile profile, LocalDate establishedOn,
            SourceCitation establishedBy) {
    }

    public record RenameBody(
            @TargetAggregateIdentifier String bodyId, String name, String shortName, LocalDate renamedOn,
            SourceCitation source) {
    }

    public record DissolveBody(@TargetAggregateIdentifier String bodyId, LocalDate dissolvedOn, SourceCitation source) {
    }

    public record CorrectBodyEstablishment(
            @TargetAggregateIdentifier String bodyId, BodyProfile profile, LocalDate establishedOn,
            SourceCitation establishedBy, String reason) {
    }
}
