package org.mandatetracker.mandate.command;

import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.support.command.RuleViolation;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
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

import static org.mandatetracker.mandate.command.Example.BEFORE_COP6;
import static org.mandatetracker.mandate.command.Example.COP;
import static org.mandatetracker.mandate.command.Example.COP4_CLOSED;
import static org.mandatetracker.mandate.command.Example.COP5_CLOSED;
import static org.mandatetracker.mandate.command.Example.MEETING_MANDATE;
import static org.mandatetracker.mandate.command.Example.MEETING_MANDATE_CONFERRED;
import static org.mandatetracker.mandate.command.Example.MEETING_TASK;
import static org.mandatetracker.mandate.command.Example.RESOLUTION_5_2;
import static org.mandatetracker.mandate.command.Example.WG;
import static org.mandatetracker.mandate.command.Example.WG_ESTABLISHED;
import static org.mandatetracker.testsupport.Violations.violates;

class MandateTests {

    private static final LocalDate WG_MET = LocalDate.of(2011, 10, 12);
    private static final SourceCitation WG_REPORT = SourceCitation.of("CTOC/COP/WG.4/2011/8", null);
    private static final SourceCitation DECISION_6_1 = SourceCitation.of("6/1", "4");
    private static final LocalDate COP6_CLOSED = LocalDate.of(2012, 10, 19);

    private FixtureConfiguration<Mandate> fixture;
    private InMemoryBodyRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryBodyRegistry().with(COP, LocalDate.of(2004, 6, 28)).with(WG, COP4_CLOSED);
        fixture = new AggregateTestFixture<>(Mandate.class).registerInjectableResource(registry);
    }

    private static ConferMandate conferMeetingMandate() {
        return new ConferMandate(MEETING_MANDATE, WG, MEETING_TASK, BEFORE_COP6, COP5_CLOSED, RESOLUTION_5_2);
    }

    @Test
    void confersAMandateOnABody() {
        fixture.givenNoPriorActivity()
                .when(conferMeetingMandate())
                .expectEvents(MEETING_MANDATE_CONFERRED)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void confersAStandingMandate() {
        fixture.givenNoPriorActivity()
                .when(new ConferMandate("advise", WG, "Advise and assist the Conference", new Deadline.Standing(),
                        COP4_CLOSED, SourceCitation.of("4/4", "2")))
                .expectEvents(new MandateConferred("advise", WG, "Advise and assist the Conference",
                        new Deadline.Standing(), COP4_CLOSED, SourceCitation.of("4/4", "2")));
    }

    @Test
    void conferringTheSameMandateAgainChangesNothing() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(conferMeetingMandate())
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsADifferentMandateUnderAnExistingId() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new ConferMandate(MEETING_MANDATE, WG, "Another task", BEFORE_COP6, COP5_CLOSED,
                        RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "id", "unique-id"));
    }

    @Test
    void rejectsAnIdThatAlreadyHoldsABody() {
        fixture.given(WG_ESTABLISHED)
                .when(new ConferMandate(WG, WG, MEETING_TASK, BEFORE_COP6, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    @Test
    void rejectsAnUnknownBody() {
        fixture.givenNoPriorActivity()
                .when(new ConferMandate("m", "no-such-body", MEETING_TASK, BEFORE_COP6, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.NOT_FOUND, "bodyId", "known-body"));
    }

    @Test
    void rejectsADissolvedBody() {
        registry.withDissolved(WG, COP4_CLOSED, LocalDate.of(2010, 1, 1));
        fixture.givenNoPriorActivity()
                .when(conferMeetingMandate())
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "bodyId", "body-not-dissolved"));
    }

    @Test
    void rejectsAConferralBeforeTheBodyWasEstablished() {
        fixture.givenNoPriorActivity()
                .when(new ConferMandate("m", WG, MEETING_TASK, BEFORE_COP6, COP4_CLOSED.minusDays(1), RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "conferredOn", "not-before-establishment"));
    }

    @Test
    void rejectsADatedDeadlineBeforeTheConferral() {
        fixture.givenNoPriorActivity()
                .when(new ConferMandate("m", WG, MEETING_TASK, new Deadline.OnDate(COP5_CLOSED.minusDays(1)),
                        COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "deadline.date", "not-before-conferral"));
    }

    @Test
    void rejectsASessionDeadlineOfAnUnknownBody() {
        fixture.givenNoPriorActivity()
                .when(new ConferMandate("m", WG, MEETING_TASK, new Deadline.AtSession("no-such-body", 6),
                        COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "deadline.bodyId", "known-body"));
    }

    @Test
    void amendsTheTask() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new AmendMandateTask(MEETING_MANDATE, "Hold two meetings", COP5_CLOSED, RESOLUTION_5_2))
                .expectEvents(new MandateTaskAmended(MEETING_MANDATE, WG, "Hold two meetings", COP5_CLOSED,
                        RESOLUTION_5_2));
    }

    @Test
    void amendingToTheSameTaskChangesNothing() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new AmendMandateTask(MEETING_MANDATE, MEETING_TASK, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsAnAmendmentBeforeTheConferral() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new AmendMandateTask(MEETING_MANDATE, "Earlier", COP5_CLOSED.minusDays(1), RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "amendedOn", "not-before-conferral"));
    }

    @Test
    void extendsTheDeadline() {
        Deadline atCop7 = new Deadline.AtSession(COP, 7);
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new ExtendMandate(MEETING_MANDATE, atCop7, COP6_CLOSED, DECISION_6_1))
                .expectEvents(new MandateExtended(MEETING_MANDATE, WG, atCop7, COP6_CLOSED, DECISION_6_1));
    }

    @Test
    void rejectsAnExtensionToADateBeforeTheConferral() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new ExtendMandate(MEETING_MANDATE, new Deadline.OnDate(COP4_CLOSED), COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "deadline.date", "not-before-conferral"));
    }

    @Test
    void rejectsAnExtensionDatedBeforeTheConferral() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new ExtendMandate(MEETING_MANDATE, new Deadline.AtSession(COP, 7), COP4_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "extendedOn", "not-before-conferral"));
    }

    @Test
    void recordsFulfilmentWithAMeetingAsEvidence() {
        Evidence meeting = new Evidence.Meeting("wg-tip-2011-10");
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new RecordMandateFulfilment(MEETING_MANDATE, meeting, WG_MET, WG_REPORT))
                .expectEvents(new MandateFulfilled(MEETING_MANDATE, WG, meeting, WG_MET, WG_REPORT));
    }

    @Test
    void recordsFulfilmentWithADocumentAsEvidence() {
        Evidence report = new Evidence.Document(DocumentSymbol.parse("CTOC/COP/WG.4/2011/8"));
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new RecordMandateFulfilment(MEETING_MANDATE, report, WG_MET, WG_REPORT))
                .expectEvents(new MandateFulfilled(MEETING_MANDATE, WG, report, WG_MET, WG_REPORT));
    }

    @Test
    void rejectsFulfilmentBeforeTheConferral() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new RecordMandateFulfilment(MEETING_MANDATE, new Evidence.Meeting("wg-tip-2010-01"),
                        LocalDate.of(2010, 1, 29), WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "fulfilledOn", "not-before-conferral"));
    }

    @Test
    void recordingTheSameFulfilmentAgainChangesNothing() {
        Evidence meeting = new Evidence.Meeting("wg-tip-2011-10");
        fixture.given(MEETING_MANDATE_CONFERRED, new MandateFulfilled(MEETING_MANDATE, WG, meeting, WG_MET, WG_REPORT))
                .when(new RecordMandateFulfilment(MEETING_MANDATE, meeting, WG_MET, WG_REPORT))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsFulfillingTwice() {
        fixture.given(MEETING_MANDATE_CONFERRED,
                        new MandateFulfilled(MEETING_MANDATE, WG, new Evidence.Meeting("m1"), WG_MET, WG_REPORT))
                .when(new RecordMandateFulfilment(MEETING_MANDATE, new Evidence.Meeting("m2"), WG_MET, WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "mandateId", "mandate-open"));
    }

    @Test
    void terminatesAMandate() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new TerminateMandate(MEETING_MANDATE, COP6_CLOSED, DECISION_6_1))
                .expectEvents(new MandateTerminated(MEETING_MANDATE, WG, COP6_CLOSED, DECISION_6_1));
    }

    @Test
    void rejectsATerminationBeforeTheConferral() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new TerminateMandate(MEETING_MANDATE, COP4_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "terminatedOn", "not-before-conferral"));
    }

    @Test
    void rejectsChangesToATerminatedMandate() {
        fixture.given(MEETING_MANDATE_CONFERRED, new MandateTerminated(MEETING_MANDATE, WG, COP6_CLOSED, DECISION_6_1))
                .when(new ExtendMandate(MEETING_MANDATE, new Deadline.AtSession(COP, 7), COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "mandateId", "mandate-open"));
    }

    @Test
    void supersedesAMandate() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new SupersedeMandate(MEETING_MANDATE, "successor", COP6_CLOSED, DECISION_6_1))
                .expectEvents(new MandateSuperseded(MEETING_MANDATE, WG, "successor", COP6_CLOSED, DECISION_6_1));
    }

    @Test
    void rejectsAMandateSupersedingItself() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new SupersedeMandate(MEETING_MANDATE, MEETING_MANDATE, COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "supersededBy", "not-self"));
    }

    @Test
    void rejectsSupersedingASupersededMandate() {
        fixture.given(MEETING_MANDATE_CONFERRED,
                        new MandateSuperseded(MEETING_MANDATE, WG, null, COP6_CLOSED, DECISION_6_1))
                .when(new SupersedeMandate(MEETING_MANDATE, "other", COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "mandateId", "mandate-open"));
    }

    @Test
    void rejectsASupersessionBeforeTheConferral() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new SupersedeMandate(MEETING_MANDATE, null, COP4_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "supersededOn", "not-before-conferral"));
    }

    @Test
    void rejectsCommandsForAnIdThatHoldsABody() {
        fixture.given(WG_ESTABLISHED)
                .when(new TerminateMandate(WG, COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    @Test
    void extendingToTheDeadlineItAlreadyHasChangesNothing() {
        Deadline endOf2014 = new Deadline.OnDate(LocalDate.of(2014, 12, 31));
        fixture.given(MEETING_MANDATE_CONFERRED,
                        new MandateExtended(MEETING_MANDATE, WG, endOf2014, COP6_CLOSED, DECISION_6_1))
                .when(new ExtendMandate(MEETING_MANDATE, endOf2014, COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void extendingToTheDeadlineItWasConferredWithChangesNothing() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new ExtendMandate(MEETING_MANDATE, BEFORE_COP6, COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void extendingAgainToAnotherDeadlineIsRecorded() {
        Deadline endOf2014 = new Deadline.OnDate(LocalDate.of(2014, 12, 31));
        Deadline endOf2016 = new Deadline.OnDate(LocalDate.of(2016, 12, 31));
        fixture.given(MEETING_MANDATE_CONFERRED,
                        new MandateExtended(MEETING_MANDATE, WG, endOf2014, COP6_CLOSED, DECISION_6_1))
                .when(new ExtendMandate(MEETING_MANDATE, endOf2016, COP6_CLOSED, DECISION_6_1))
                .expectEvents(new MandateExtended(MEETING_MANDATE, WG, endOf2016, COP6_CLOSED, DECISION_6_1))
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void terminatingAgainAsRecordedChangesNothing() {
        fixture.given(MEETING_MANDATE_CONFERRED, new MandateTerminated(MEETING_MANDATE, WG, COP6_CLOSED, DECISION_6_1))
                .when(new TerminateMandate(MEETING_MANDATE, COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void terminatingAgainOnAnotherDateIsAConflict() {
        fixture.given(MEETING_MANDATE_CONFERRED, new MandateTerminated(MEETING_MANDATE, WG, COP6_CLOSED, DECISION_6_1))
                .when(new TerminateMandate(MEETING_MANDATE, COP6_CLOSED.plusDays(1), DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "mandateId", "mandate-open"));
    }

    @Test
    void supersedingAgainAsRecordedChangesNothing() {
        fixture.given(MEETING_MANDATE_CONFERRED,
                        new MandateSuperseded(MEETING_MANDATE, WG, "successor", COP6_CLOSED, DECISION_6_1))
                .when(new SupersedeMandate(MEETING_MANDATE, "successor", COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void supersedingAgainByAnotherMandateIsAConflict() {
        fixture.given(MEETING_MANDATE_CONFERRED,
                        new MandateSuperseded(MEETING_MANDATE, WG, "successor", COP6_CLOSED, DECISION_6_1))
                .when(new SupersedeMandate(MEETING_MANDATE, "another", COP6_CLOSED, DECISION_6_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "mandateId", "mandate-open"));
    }
}
