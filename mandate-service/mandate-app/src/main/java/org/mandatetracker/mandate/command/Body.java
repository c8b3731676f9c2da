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
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.command.BodyCommands.CorrectBodyEstablishment;
import org.mandatetracker.mandate.command.BodyCommands.DissolveBody;
import org.mandatetracker.mandate.command.BodyCommands.EstablishBody;
import org.mandatetracker.mandate.command.BodyCommands.RenameBody;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A body such as a Conference of the Parties or one of its working groups. Establishing it again with the same
 * content is a harmless replay; with different content it is a conflict. The same holds for its dissolution, which
 * revision 2 keeps (snapshots of earlier revisions are passed over and the body is rebuilt from its events).
 */
@Aggregate(snapshotTriggerDefinition = AxonSupport.SNAPSHOT_TRIGGER, lockFactory = AxonSupport.AGGREGATE_LOCKS,
        cache = AxonSupport.AGGREGATE_CACHE)
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Body {

    @AggregateIdentifier
    private String bodyId;
    private BodyEstablished firstRecord;
    private BodyProfile profile;
    private LocalDate establishedOn;
    private SourceCitation establishedBy;
    private String name;
    private String shortName;
    private LocalDate dissolvedOn;
    private BodyDissolved dissolution;

    protected Body() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(EstablishBody command, BodyRegistry registry) {
        BodyEstablished event = new BodyEstablished(
                command.bodyId(), command.profile(), command.establishedOn(), command.establishedBy());
        if (bodyId != null) {
            if (event.equals(firstRecord)) {
                return Outcome.UNCHANGED;
            }
            throw RuleViolation.conflict("id", "unique-id", "Body '" + command.bodyId()
                    + "' is already established with different content; use another id, or correct it instead");
        }
        requireKnownParent(command.bodyId(), command.profile(), command.establishedOn(), registry);
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RenameBody command) {
        requireNotDissolved("rename");
        requireNotBeforeEstablishment(command.renamedOn(), "renamedOn");
        if (command.name().equals(name) && Objects.equals(command.shortName(), shortName)) {
            return Outcome.UNCHANGED;
        }
        apply(new BodyRenamed(bodyId, command.name(), command.shortName(), command.renamedOn(), command.source()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(DissolveBody command) {
        BodyDissolved event = new BodyDissolved(bodyId, command.dissolvedOn(), command.source());
        if (event.equals(dissolution)) {
            return Outcome.UNCHANGED;
        }
        requireNotDissolved("dissolve");
        requireNotBeforeEstablishment(command.dissolvedOn(), "dissolvedOn");
        apply(event);
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(CorrectBodyEstablishment command, BodyRegistry registry) {
        if (command.profile().equals(profile) && command.establishedOn().equals(establishedOn)
                && command.establishedBy().equals(establishedBy)) {
            return Outcome.UNCHANGED;
        }
        if (dissolvedOn != null && command.establishedOn().isAfter(dissolvedOn)) {
            throw RuleViolation.unprocessable("establishedOn", "not-after-dissolution", "Body '" + bodyId
                    + "' was dissolved on " + dissolvedOn + "; it cannot have been established after that");
        }
        requireKnownParent(command.bodyId(), command.profile(), command.establishedOn(), registry);
        apply(new BodyEstablishmentCorrected(bodyId, command.profile(), command.establishedOn(),
                command.establishedBy(), command.reason()));
        return Outcome.RECORDED;
    }

    private static void requireKnownParent(String bodyId, BodyProfile profile, LocalDate establishedOn, BodyRegistry registry) {
        String parentId = profile.parentBodyId();
        if (parentId == null) {
            return;
        }
        if (parentId.equals(bodyId)) {
            throw RuleViolation.unprocessable("parentBodyId", "not-self", "A body cannot be its own parent");
        }
        var parent = registry.find(parentId).orElseThrow(() -> RuleViolation.unprocessable(
                "parentBodyId", "known-body", "No body '" + parentId + "' is recorded; establish the parent first"));
        if (parent.dissolved() && !establishedOn.isBefore(parent.dissolvedOn())) {
            throw RuleViolation.unprocessable("parentBodyId", "body-not-dissolved",
                    "Parent body '" + parentId + "' was dissolved on " + parent.dissolvedOn());
        }
    }

    private void requireNotDissolved(String action) {
        if (dissolvedOn != null) {
            throw RuleViolation.conflict("bodyId", "body-not-dissolved",
                    "Cannot " + action + " body '" + bodyId + "': it was dissolved on " + dissolvedOn);
        }
    }

    private void requireNotBeforeEstablishment(LocalDate date, String field) {
        if (date.isBefore(establishedOn)) {
            throw RuleViolation.unprocessable(field, "not-before-establishment",
                    field + " " + date + " is before body '" + bodyId + "' was established on " + establishedOn);
        }
    }

    @EventSourcingHandler
    void on(BodyEstablished event) {
        bodyId = event.bodyId();
        firstRecord = event;
        establish(event.profile(), event.occurredOn(), event.source());
    }

    @EventSourcingHandler
    void on(BodyEstablishmentCorrected event) {
        establish(event.profile(), event.occurredOn(), event.source());
    }

    @EventSourcingHandler
    void on(BodyRenamed event) {
        name = event.name();
        shortName = event.shortName();
    }

    @EventSourcingHandler
    void on(BodyDissolved event) {
        dissolvedOn = event.occurredOn();
        dissolution = event;
    }

    private void establish(BodyProfile profile, LocalDate establishedOn, SourceCitation establishedBy) {
        this.profile = profile;
        this.establishedOn = establishedOn;
        this.establishedBy = establishedBy;
        this.name = profile.name();
        this.shortName = profile.shortName();
    }
}
