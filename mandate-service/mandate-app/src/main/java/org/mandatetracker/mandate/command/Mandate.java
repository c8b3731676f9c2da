package org.mandatetracker.mandate.command;

import org.mandatetracker.support.axon.AxonSupport;
import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.support.command.RuleViolation;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.mandate.command.MandateCommands.AmendMandateTask;
import org.mandatetracker.mandate.command.MandateCommands.ConferMandate;
import org.mandatetracker.mandate.command.MandateCommands.ExtendMandate;
import org.mandatetracker.mandate.command.MandateCommands.RecordMandateFulfilment;
import org.mandatetracker.mandate.command.MandateCommands.SupersedeMandate;
import org.mandatetracker.mandate.command.MandateCommands.TerminateMandate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A task conferred on a body by a decision, with its deadline. Once fulfilled, terminated or superseded it takes no
 * further changes. A command that would record what is already so (the same deadline again, the same termination or
 * supersession again) changes nothing and is answered {@code UNCHANGED}. Revision 2 keeps the deadline and the
 * closing records for that; snapshots of earlier revisions are passed over and the mandate is rebuilt from its
 * events.
 */
@Aggregate(snapshotTriggerDefinition = AxonSupport.SNAPSHOT_TRIGGER, lockFactory = AxonSupport.AGGREGATE_LOCKS,
        cache = AxonSupport.AGGREGATE_CACHE)
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Mandate {

    private enum State { OPEN, FULFILLED, TERMINATED, SUPERSEDED }

    @AggregateIdentifier
    private String mandateId;
    private MandateConferred firstRecord;
    private String bodyId;
    private LocalDate conferredOn;
    private String task;
    private Deadline deadline;
    private State state;
    private LocalDate closedOn;
    private MandateFulfilled fulfilment;
    private MandateTerminated termination;
    private MandateSuperseded supersession;

    protected Mandate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(ConferMandate command, BodyRegistry registry) {
        MandateConferred event = new MandateConferred(command.mandateId(), command.bodyId(), command.task(),
                command.deadline(), command.conferredOn(), command.source());
        if (mandateId != null) {
            if (event.equals(firstRecord)) {
                return Outcome.UNCHANGED;
            }
            throw RuleViolation.conflict("id", "unique-id", "Mandate '" + command.mandateId()
                    + "' is already conferred with different content; use another id");
        }
        var body = registry.find(command.bodyId()).orElseThrow(() -> RuleViolation.notFound(
                "bodyId", "known-body", "No body '" + command.bodyId() + "' is recorded"));
        if (body.dissolved()) {
            throw RuleViolation.unprocessable("bodyId", "body-not-dissolved", "Body '" + command.bodyId()
                    + "' was dissolved on " + body.dissolvedOn() + "; no mandate can be conferred on it");
        }
        if (command.conferredOn().isBefore(body.establishedOn())) {
            throw RuleViolation.unprocessable("conferredOn", "not-before-establishment", "Body '" + command.bodyId()
                    + "' was established on " + body.establishedOn() + ", after " + command.conferredOn());
        }
        requireSensibleDeadline(command.deadline(), command.conferredOn(), registry);
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(AmendMandateTask command) {
        requireOpen("amend");
        requireNotBeforeConferral(command.amendedOn(), "amendedOn");
        if (command.task().equals(task)) {
            return Outcome.UNCHANGED;
        }
        apply(new MandateTaskAmended(mandateId, bodyId, command.task(), command.amendedOn(), command.source()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(ExtendMandate command, BodyRegistry registry) {
        requireOpen("extend");
        requireNotBeforeConferral(command.extendedOn(), "extendedOn");
        if (command.deadline().equals(deadline)) {
            return Outcome.UNCHANGED;
        }
        requireSensibleDeadline(command.deadline(), conferredOn, registry);
        apply(new MandateExtended(mandateId, bodyId, command.deadline(), command.extendedOn(), command.source()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RecordMandateFulfilment command) {
        MandateFulfilled event = new MandateFulfilled(mandateId, bodyId, command.evidence(), command.fulfilledOn(),
                command.source());
        if (event.equals(fulfilment)) {
            return Outcome.UNCHANGED;
        }
        requireOpen("record fulfilment of");
        requireNotBeforeConferral(command.fulfilledOn(), "fulfilledOn");
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(TerminateMandate command) {
        MandateTerminated event = new MandateTerminated(mandateId, bodyId, command.terminatedOn(), command.source());
        if (event.equals(termination)) {
            return Outcome.UNCHANGED;
        }
        requireOpen("terminate");
        requireNotBeforeConferral(command.terminatedOn(), "terminatedOn");
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(SupersedeMandate command) {
        MandateSuperseded event = new MandateSuperseded(
                mandateId, bodyId, command.supersededBy(), command.supersededOn(), command.source());
        if (event.equals(supersession)) {
            return Outcome.UNCHANGED;
        }
        requireOpen("supersede");
        requireNotBeforeConferral(command.supersededOn(), "supersededOn");
        if (mandateId.equals(command.supersededBy())) {
            throw RuleViolation.unprocessable("supersededBy", "not-self", "A mandate cannot supersede itself");
        }
        apply(event);
        return Outcome.RECORDED;
    }

    private static void requireSensibleDeadline(Deadline deadline, LocalDate conferredOn, BodyRegistry registry) {
        if (deadline instanceof Deadline.OnDate onDate && onDate.date().isBefore(conferredOn)) {
            throw RuleViolation.unprocessable("deadline.date", "not-before-conferral", "The deadline "
                    + onDate.date() + " is before the mandate was conferred on " + conferredOn);
        }
        String sessionBody = deadline.sessionBodyId();
        if (sessionBody != null && registry.find(sessionBody).isEmpty()) {
            throw RuleViolation.unprocessable("deadline.bodyId", "known-body",
                    "The deadline waits on a session of body '" + sessionBody + "', which is not recorded");
        }
    }

    private void requireOpen(String action) {
        if (state != State.OPEN) {
            throw RuleViolation.conflict("mandateId", "mandate-open", "Cannot " + action + " mandate '" + mandateId
                    + "': it was " + state.name().toLowerCase() + " on " + closedOn);
        }
    }

    private void requireNotBeforeConferral(LocalDate date, String field) {
        if (date.isBefore(conferredOn)) {
            throw RuleViolation.unprocessable(field, "not-before-conferral",
                    field + " " + date + " is before the mandate was conferred on " + conferredOn);
        }
    }

    @EventSourcingHandler
    void on(MandateConferred event) {
        mandateId = event.mandateId();
        firstRecord = event;
        bodyId = event.bodyId();
        conferredOn = event.occurredOn();
        task = event.task();
        deadline = event.deadline();
        state = State.OPEN;
    }

    @EventSourcingHandler
    void on(MandateExtended event) {
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(MandateTaskAmended event) {
        task = event.task();
    }

    @EventSourcingHandler
    void on(MandateFulfilled event) {
        fulfilment = event;
        close(State.FULFILLED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(MandateTerminated event) {
        termination = event;
        close(State.TERMINATED, event.occurredOn());
    }

    @EventSourcingHandler
    void on(MandateSuperseded event) {
        supersession = event;
        close(State.SUPERSEDED, event.occurredOn());
    }

    private void close(State closedAs, LocalDate on) {
        state = closedAs;
        closedOn = on;
    }
}
