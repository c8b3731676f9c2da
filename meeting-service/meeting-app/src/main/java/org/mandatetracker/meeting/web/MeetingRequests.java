package org.mandatetracker.meeting.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.OperativeParagraph;
import org.mandatetracker.support.web.InvalidRequest;
import org.mandatetracker.support.text.MultiLine;
import org.mandatetracker.support.web.Limits;
import org.mandatetracker.support.web.SourceInput;
import org.mandatetracker.support.web.ValidDocumentReference;
import org.mandatetracker.support.web.ValidDocumentSymbol;

import java.time.LocalDate;
import java.util.List;

/** Request bodies for the commands on meetings. */
public final class MeetingRequests {

    private static final int PARAGRAPHS = 200;
    private static final int SHORT_CODE = 20;

    private MeetingRequests() {
    }

    @Schema(name = "MeetingScheduling")
    public record Scheduling(
            @Schema(description = "Optional id of your choosing; generated when absent. Repeating the same request "
                    + "with the same id changes nothing; different content under an existing id is a 409.")
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String id,
            @NotBlank @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String bodyId,
            @NotBlank @Size(max = Limits.NAME)
            String title,
            @Schema(description = "The session's number, for numbered sessions (\"sixth session\" is 6)")
            @Positive @Max(Limits.SESSION) Integer session,
            @Schema(description = "REGULAR when absent") MeetingKind kind,
            @Size(max = Limits.NAME) String venue,
            @NotNull LocalDate plannedStart,
            @NotNull LocalDate plannedEnd,
            @Schema(description = "When the meeting was scheduled, e.g. the date of the decision that set its dates")
            @NotNull @PastOrPresent LocalDate scheduledOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MeetingRescheduling")
    public record Rescheduling(
            @NotNull LocalDate plannedStart,
            @NotNull LocalDate plannedEnd,
            @MultiLine @Size(max = Limits.REASON) String reason,
            @NotNull @PastOrPresent LocalDate rescheduledOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MeetingHolding")
    public record Holding(
            @NotNull @PastOrPresent LocalDate heldFrom,
            @NotNull @PastOrPresent LocalDate heldTo,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MeetingPostponement")
    public record Postponement(
            @MultiLine @Size(max = Limits.REASON) String reason,
            @NotNull @PastOrPresent LocalDate postponedOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MeetingCancellation")
    public record Cancellation(
            @MultiLine @Size(max = Limits.REASON) String reason,
            @NotNull @PastOrPresent LocalDate cancelledOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "MeetingDateCorrection")
    public record DateCorrection(
            @NotNull MeetingDatesCorrected.Dates which,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotBlank @MultiLine @Size(max = Limits.REASON) String reason,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "OperativeParagraph")
    public record Paragraph(
            @NotBlank @Size(max = SHORT_CODE) String number,
            @NotBlank @MultiLine @Size(max = Limits.TASK) String text) {

        OperativeParagraph toParagraph() {
            return new OperativeParagraph(number.strip(), text.strip());
        }
    }

    @Schema(name = "DecisionAdoption")
    public record DecisionAdoption(
            @Schema(description = "The decision's number, e.g. 4/4, or its document symbol")
            @NotBlank @ValidDocumentReference String reference,
            @NotNull DecisionAdopted.Type type,
            @NotBlank @Size(max = Limits.NAME) String title,
            @Size(max = PARAGRAPHS) List<@NotNull @Valid Paragraph> paragraphs,
            @NotNull @PastOrPresent LocalDate adoptedOn,
            @NotNull @Valid SourceInput source) {

        List<OperativeParagraph> operativeParagraphs() {
            return paragraphs == null ? List.of() : paragraphs.stream().map(Paragraph::toParagraph).toList();
        }
    }

    @Schema(name = "RecommendationAddressee")
    public record AddresseeInput(
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String bodyId,
            @Size(min = 1, max = Limits.NAME) String description) {

        Addressee toAddressee(String field) {
            if ((bodyId == null) == (description == null)) {
                throw new InvalidRequest(field, "one-of", "an addressee is exactly one of bodyId or description");
            }
            return new Addressee(bodyId, description == null ? null : description.strip());
        }
    }

    @Schema(name = "RecommendationAdoption")
    public record RecommendationAdoption(
            @Schema(description = "Optional stable id of your choosing; generated when absent")
            @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String id,
            @NotBlank @MultiLine @Size(max = Limits.TASK) String text,
            @NotNull @Valid AddresseeInput addressee,
            @Size(min = 1, max = SHORT_CODE) String paragraph,
            @NotBlank @ValidDocumentSymbol String reportSymbol,
            @NotNull @PastOrPresent LocalDate adoptedOn,
            @NotNull @Valid SourceInput source) {
    }

    @Schema(name = "DocumentIssue")
    public record DocumentIssue(
            @NotBlank @ValidDocumentSymbol String symbol,
            @NotBlank @Size(max = Limits.NAME) String title,
            @Schema(description = "e.g. 2 (b)") @Size(min = 1, max = SHORT_CODE) String agendaItem,
            @Schema(description = "e.g. English") @Size(min = 1, max = SHORT_CODE) String originalLanguage,
            @NotNull @PastOrPresent LocalDate distributedOn,
            @Schema(description = "Where the issue is recorded; the document itself when absent")
            @Valid SourceInput source) {
    }
}
