package org.mandatetracker.meeting.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.OperativeParagraph;

import java.time.LocalDate;
import java.util.List;

/** What a recorder can ask of a meeting. */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    public record ScheduleMeeting(
            @TargetAggregateIdentifier String meetingId, String bodyId, String title, Integer session,
            MeetingKind kind, String venue, LocalDate plannedStart, LocalDate plannedEnd, LocalDate scheduledOn,
            SourceCitation source) {
    }

    public record RescheduleMeeting(
            @TargetAggregateIdentifier String meetingId, LocalDate plannedStart, LocalDate plannedEnd, String reason,
            LocalDate rescheduledOn, SourceCitation source) {
    }

    public record RecordMeetingHeld(
            @TargetAggregateIdentifier String meetingId, LocalDate heldFrom, LocalDate heldTo, SourceCitation source) {
    }

    public record PostponeMeeting(
            @TargetAggregateIdentifier String meetingId, String reason, LocalDate postponedOn, SourceCitation source) {
    }

    public record CancelMeeting(
            @TargetAggregateIdentifier String meetingId, String reason, LocalDate cancelledOn, SourceCitation source) {
    }

    public record CorrectMeetingDates(
            @TargetAggregateIdentifier String meetingId, MeetingDatesCorrected.Dates which, LocalDate startsOn,
            LocalDate endsOn, String reason, SourceCitation source) {
    }

    public record AdoptDecision(
            @TargetAggregateIdentifier String meetingId, DocumentReference reference, DecisionAdopted.Type type,
            String title, List<OperativeParagraph> paragraphs, LocalDate adoptedOn, SourceCitation source) {
    }

    public record AdoptRecommendation(
            @TargetAggregateIdentifier String meetingId, String recommendationId, String text, Addressee addressee,
            String paragraph, DocumentSymbol reportSymbol, LocalDate adoptedOn, SourceCitation source) {
    }

    public record IssueDocument(
            @TargetAggregateIdentifier String meetingId, DocumentSymbol symbol, String title, String agendaItem,
            String originalLanguage, LocalDate distributedOn, SourceCitation source) {
    }
}
