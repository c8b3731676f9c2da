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
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;

import java.time.LocalDate;
import java.util.List;

/** Request bodies for the commands on bodies. */
public final class BodyRequests {

    private BodyRequests() {
    }

    @Schema(name = "BodyEstablishment")
    public record Establishment(
            @Schema(description = "Optional id of your choosing; generated when absent. Repeating the same request "
                    + "with the same id changes nothing; different content under an existing id is a 409.")
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String id,
            @NotBlank @Size(max = Limits.NAME)
            String name,
            @NotBlank @Size(max = Limits.SHORT_NAME)
            String shortName,
            @NotNull BodyKind kind,
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String parentBodyId,
            boolean openEnded,
            boolean interim,
            @Size(min = 1, max = Limits.CHAIR_ARRANGEMENT) String chairArrangement,
            @Size(max = Limits.LEGAL_BASIS_ENTRIES)
            List<@NotBlank @Size(max = Limits.CITATION) String> legalBasis,
            @NotNull @PastOrPresent LocalDate establishedOn,
            @NotNull @Valid SourceInput establishedBy) {

        BodyProfile profile() {
            return new BodyProfile(name.strip(), shortName.strip(), kind, parentBodyId, openEnded, interim,
                    chairArrangement, legalBasis);
        }
    }

    @Schema(name = "BodyRenaming")
    public record Renaming(
            @NotBlank @Size(max = Limits.NAME)
            String name,
            @NotBlank @Size(max = Limits.SHORT_NAME)
            String shortName,
            @NotNull @PastOrPresent LocalDate renamedOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "BodyDissolution")
    public record Dissolution(@NotNull @PastOrPresent LocalDate dissolvedOn, @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "BodyEstablishmentCorrection")
    public record Correction(
            @Schema(description = "The establishment in full as it should have been recorded; its id, if given, "
                    + "must be the body's")
            @NotNull @Valid Establishment establishment,
            @NotBlank @MultiLine @Size(max = Limits.REASON) String reason) {
    }
}
