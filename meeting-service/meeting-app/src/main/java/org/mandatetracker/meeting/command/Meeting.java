package org.mandatetracker.meeting.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.meeting.command.MeetingCommands.AdoptDecision;
import org.mandatetracker.meeting.command.MeetingCommands.AdoptRecommendation;
import org.mandatetracker.meeting.command.MeetingCommands.CancelMeeting;
import org.mandatetracker.meeting.command.MeetingCommands.CorrectMeetingDates;
import org.mandatetracker.meeting.command.MeetingCommands.IssueDocument;
import org.mandatetracker.meeting.command.MeetingCommands.PostponeMeeting;
import org.mandatetracker.meeting.command.MeetingCommands.RecordMeetingHeld;
import org.mandatetracker.meeting.command.MeetingCommands.RescheduleMeeting;
import org.mandatetracker.meeting.command.MeetingCommands.ScheduleMeeting;
import org.mandatetracker.support.axon.AxonSupport;
import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.support.command.RuleViolation;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A session of a body, from its scheduling to what it adopted and issued. Decisions and recommendations are
 * recorded for a meeting that was held, or is being held, on the day they were adopted; documents may be issued
 * before, during or after it.
 * <p>
 * A meeting may adopt thousands of outcomes, so it keeps none of them: the {@link OutcomeRegistry} tells a repeat
 * from a conflicting record, and the meeting's state and snapshots stay the same size however much it adopts. A
 * rescheduling to the dates already planned, or a postponement or cancellation restated, changes nothing and is
 * answered {@code UNCHANGED}. Revision 4 is this shape; snapshots of earlier revisions are passed over and the
 * meeting is rebuilt from its events.
 */
@Aggregate(snapshotTriggerDefinition = AxonSupport.SNAPSHOT_TRIGGER, lockFactory = AxonSupport.AGGREGATE_LOCKS,
        cache = AxonSupport.AGGREGATE_CACHE)
@Revision("4")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Meeting {

    private enum Status { SCHEDULED, POSTPONED, HELD, CANCELLED }

    @AggregateIdentifier
    private String meetingId;
    private MeetingScheduled firstRecord;
    private String bodyId;
    private LocalDate scheduledOn;
    private LocalDate plannedStart;
    private LocalDate plannedEnd;
    private Status status;
    private LocalDate heldFrom;
    private LocalDate heldTo;
    private String postponement;
    private String cancellation;

    protected Meeting() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(ScheduleMeeting command, KnownBodies bodies, SessionRegistry sessions) {
        MeetingScheduled event = new MeetingScheduled(command.meetingId(), command.bodyId(), command.title(),
                command.session(), command.kind(), command.venue(), command.plannedStart(), command.plannedEnd(),
                command.scheduledOn(), command.source());
        if (meetingId != null) {
            if (event.equals(firstRecord)) {
                return Outcome.UNCHANGED;
            }
            throw RuleViolation.conflict("id", "unique-id", "Meeting '" + command.meetingId()
                    + "' is already scheduled with different content; use another id");
        }
        var body = bodies.find(command.bodyId()).orElseThrow(() -> unknownBody("bodyId", command.bodyId(), bodies));
        if (body.dissolvedOn() != null && !command.plannedStart().isBefore(body.dissolvedOn())) {
            throw RuleViolation.unprocessable("bodyId", "body-not-dissolved", "Body '" + command.bodyId()
                    + "' was dissolved on " + body.dissolvedOn() + "; it cannot meet after that");
        }
        requireOrdered(command.plannedStart(), command.plannedEnd(), "plannedEnd");
        if (command.session() != null) {
            sessions.meetingHolding(command.bodyId(), command.session()).ifPresent(other -> {
                throw RuleViolation.conflict("session", "unique-session", "Session " + command.session()
                        + " of body '" + command.bodyId() + "' is already scheduled as meeting '" + other + "'");
            });
        }
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RescheduleMeeting command) {
        if (status == Status.SCHEDULED && command.plannedStart().equals(plannedStart)
                && command.plannedEnd().equals(plannedEnd)) {
            return Outcome.UNCHANGED;
        }
        requireStatus("reschedule", Status.SCHEDULED, Status.POSTPONED);
        requireOrdered(command.plannedStart(), command.plannedEnd(), "plannedEnd");
        apply(new MeetingRescheduled(meetingId, bodyId, command.plannedStart(), command.plannedEnd(),
                command.reason(), command.rescheduledOn(), command.source()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RecordMeetingHeld command) {
        if (status == Status.HELD && command.heldFrom().equals(heldFrom) && command.heldTo().equals(heldTo)) {
            return Outcome.UNCHANGED;
        }
        requireStatus("record as held", Status.SCHEDULED, Status.POSTPONED);
        requireOrdered(command.heldFrom(), command.heldTo(), "heldTo");
        if (command.heldFrom().isBefore(scheduledOn)) {
            throw RuleViolation.unprocessable("heldFrom", "not-before-scheduling", "Meeting '" + meetingId
                    + "' was scheduled on " + scheduledOn + "; it cannot have been held before that. "
                    + "If the scheduling date was recorded wrongly, correct it instead");
        }
        apply(new MeetingHeld(meetingId, bodyId, command.heldFrom(), command.heldTo(), command.source()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(PostponeMeeting command) {
        MeetingPostponed event = new MeetingPostponed(meetingId, bodyId, command.reason(), command.postponedOn(),
                command.source());
        if (status == Status.POSTPONED && ContentHash.of(event).equals(postponement)) {
            return Outcome.UNCHANGED;
        }
        requireStatus("postpone", Status.SCHEDULED);
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(CancelMeeting command) {
        MeetingCancelled event = new MeetingCancelled(meetingId, bodyId, command.reason(), command.cancelledOn(),
                command.source());
        if (status == Status.CANCELLED && ContentHash.of(event).equals(cancellation)) {
            return Outcome.UNCHANGED;
        }
        requireStatus("cancel", Status.SCHEDULED, Status.POSTPONED);
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(CorrectMeetingDates command) {
        requireOrdered(command.startsOn(), command.endsOn(), "endsOn");
        boolean held = command.which() == MeetingDatesCorrected.Dates.HELD;
        if (held && status != Status.HELD) {
            throw RuleViolation.conflict("which", "meeting-held", "Meeting '" + meetingId
                    + "' is not recorded as held, so it has no held dates to correct");
        }
        LocalDate currentStart = held ? heldFrom : plannedStart;
        LocalDate currentEnd = held ? heldTo : plannedEnd;
        if (command.startsOn().equals(currentStart) && command.endsOn().equals(currentEnd)) {
            return Outcome.UNCHANGED;
        }
        apply(new MeetingDatesCorrected(meetingId, bodyId, command.which(), command.startsOn(), command.endsOn(),
                command.reason(), command.source()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(AdoptDecision command, OutcomeRegistry outcomes) {
        DecisionAdopted event = new DecisionAdopted(meetingId, bodyId, command.reference(), command.type(),
                command.title(), command.paragraphs(), command.adoptedOn(), command.source());
        return recordOnce(outcomes, event, () -> {
            requireInSession(command.adoptedOn());
            apply(event);
        });
    }

    @CommandHandler
    public Outcome handle(AdoptRecommendation command, KnownBodies bodies, OutcomeRegistry outcomes) {
        RecommendationAdopted event = new RecommendationAdopted(meetingId, bodyId, command.recommendationId(),
                command.text(), command.addressee(), command.paragraph(), command.reportSymbol(),
                command.adoptedOn(), command.source());
        return recordOnce(outcomes, event, () -> {
            requireInSession(command.adoptedOn());
            String addressedBody = command.addressee().bodyId();
            if (addressedBody != null && bodies.find(addressedBody).isEmpty()) {
                throw unknownBody("addressee.bodyId", addressedBody, bodies);
            }
            apply(event);
        });
    }

    @CommandHandler
    public Outcome handle(IssueDocument command, OutcomeRegistry outcomes) {
        DocumentIssued event = new DocumentIssued(meetingId, bodyId, command.symbol(), command.title(),
                command.agendaItem(), command.originalLanguage(), command.distributedOn(), command.source());
        return recordOnce(outcomes, event, () -> {
            requireStatus("issue a document for", Status.SCHEDULED, Status.POSTPONED, Status.HELD);
            apply(event);
        });
    }

    /** An outcome is recorded once: the same again changes nothing, something else under its key is a conflict. */
    private static Outcome recordOnce(OutcomeRegistry outcomes, Object requested, Runnable record) {
        RecordedOutcome outcome = RecordedOutcome.of(requested).orElseThrow();
        var recorded = outcomes.fingerprint(outcome.meetingId(), outcome.kind(), outcome.key());
        if (recorded.isEmpty()) {
            record.run();
            return Outcome.RECORDED;
        }
        if (recorded.get().equals(outcome.fingerprint())) {
            return Outcome.UNCHANGED;
        }
        String keyField = outcome.kind().keyField;
        throw RuleViolation.conflict(keyField, "unique-outcome",
                "This meeting already has a different record under that " + keyField);
    }

    private void requireInSession(LocalDate adoptedOn) {
        boolean heldThatDay = status == Status.HELD && within(adoptedOn, heldFrom, heldTo);
        boolean beingHeldThatDay = status == Status.SCHEDULED && within(adoptedOn, plannedStart, plannedEnd);
        if (!heldThatDay && !beingHeldThatDay) {
            String dates = status == Status.HELD ? "held " + heldFrom + " to " + heldTo
                    : status.name().toLowerCase() + (status == Status.SCHEDULED
                    ? " for " + plannedStart + " to " + plannedEnd : "");
            throw RuleViolation.unprocessable("adoptedOn", "meeting-in-session", "Outcomes are recorded for a "
                    + "meeting held, or being held, on the day they were adopted; meeting '" + meetingId + "' was "
                    + dates + ", not in session on " + adoptedOn);
        }
    }

    private void requireStatus(String action, Status... allowed) {
        for (Status candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw RuleViolation.conflict("meetingId", "meeting-status", "Cannot " + action + " meeting '" + meetingId
                + "': it is " + status.name().toLowerCase());
    }

    private static void requireOrdered(LocalDate start, LocalDate end, String endField) {
        if (end.isBefore(start)) {
            throw RuleViolation.unprocessable(endField, "not-before-start",
                    endField + " " + end + " is before the start, " + start);
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static RuleViolation unknownBody(String field, String bodyId, KnownBodies bodies) {
        if (!bodies.upToDate()) {
            return RuleViolation.notYet(field, "known-body", "Body '" + bodyId + "' is not known to meeting-service "
                    + "yet: it has not read every body mandate-service has published, which arrive through Kafka. "
                    + "Send the same request again after Retry-After");
        }
        return RuleViolation.unprocessable(field, "known-body", "Body '" + bodyId + "' is not known to "
                + "meeting-service, which has read every body on mandate-service's topic. If it was established a "
                + "moment ago, retry shortly (mandate-service publishes within a second); otherwise establish it first");
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetingId = event.meetingId();
        firstRecord = event;
        bodyId = event.bodyId();
        scheduledOn = event.occurredOn();
        plannedStart = event.plannedStart();
        plannedEnd = event.plannedEnd();
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        plannedStart = event.plannedStart();
        plannedEnd = event.plannedEnd();
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        heldFrom = event.occurredOn();
        heldTo = event.endedOn();
        status = Status.HELD;
    }

    @EventSourcingHandler
    void on(MeetingPostponed event) {
        status = Status.POSTPONED;
        postponement = ContentHash.of(event);
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        status = Status.CANCELLED;
        cancellation = ContentHash.of(event);
    }

    @EventSourcingHandler
    void on(MeetingDatesCorrected event) {
        if (event.which() == MeetingDatesCorrected.Dates.HELD) {
            heldFrom = event.occurredOn();
            heldTo = event.endsOn();
        } else {
            plannedStart = event.occurredOn();
            plannedEnd = event.endsOn();
        }
    }
}
