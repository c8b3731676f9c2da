package org.mandatetracker.mandate.web;

import org.mandatetracker.support.text.MultiLine;
import org.mandatetracker.support.web.Limits;
import org.mandatetracker.support.web.SourceInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies for the commands on mandates. */
public final class MandateRequests {

    private MandateRequests() {
    }

    @Schema(name = "MandateConferral")
    public record Conferral(
            @Schema(description = "Optional id of your choosing; generated when absent. Repeating the same request "
                    + "with the same id changes nothing; different content under an existing id is a 409.")
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String id,
            @NotBlank @MultiLine @Size(max = Limits.TASK) String task,
            @NotNull @Valid DeadlineInput deadline,
            @NotNull @PastOrPresent LocalDate conferredOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MandateTaskAmendment")
    public record TaskAmendment(
            @NotBlank @MultiLine @Size(max = Limits.TASK) String task,
            @NotNull @PastOrPresent LocalDate amendedOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MandateExtension")
    public record Extension(
            @NotNull @Valid DeadlineInput deadline,
            @NotNull @PastOrPresent LocalDate extendedOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MandateFulfilment")
    public record Fulfilment(
            @NotNull @Valid EvidenceInput evidence,
            @NotNull @PastOrPresent LocalDate fulfilledOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MandateTermination")
    public record Termination(@NotNull @PastOrPresent LocalDate terminatedOn, @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MandateSupersession")
    public record Supersession(
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String supersededBy,
            @NotNull @PastOrPresent LocalDate supersededOn,
            @NotNull @Valid SourceInput source) {
    }
}
