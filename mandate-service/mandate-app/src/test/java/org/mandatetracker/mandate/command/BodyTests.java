package org.mandatetracker.mandate.command;

import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.support.command.RuleViolation;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.command.BodyCommands.CorrectBodyEstablishment;
import org.mandatetracker.mandate.command.BodyCommands.DissolveBody;
import org.mandatetracker.mandate.command.BodyCommands.EstablishBody;
import org.mandatetracker.mandate.command.BodyCommands.RenameBody;

import java.time.LocalDate;
import java.util.List;

import static org.mandatetracker.mandate.command.Example.COP;
import static org.mandatetracker.testsupport.Violations.violates;
import static org.mandatetracker.mandate.command.Example.COP4_CLOSED;
import static org.mandatetracker.mandate.command.Example.DECISION_4_4;
import static org.mandatetracker.mandate.command.Example.MEETING_MANDATE_CONFERRED;
import static org.mandatetracker.mandate.command.Example.WG;
import static org.mandatetracker.mandate.command.Example.WG_ESTABLISHED;
import static org.mandatetracker.mandate.command.Example.WG_PROFILE;

class BodyTests {

    private static final SourceCitation DECISION_9_1 = SourceCitation.of("9/1", "2");
    private static final LocalDate LATER = LocalDate.of(2018, 10, 19);

    private FixtureConfiguration<Body> fixture;
    private InMemoryBodyRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryBodyRegistry().with(COP, LocalDate.of(2004, 6, 28));
        fixture = new AggregateTestFixture<>(Body.class).registerInjectableResource(registry);
    }

    @Test
    void establishesABody() {
        fixture.givenNoPriorActivity()
                .when(new EstablishBody(WG, WG_PROFILE, COP4_CLOSED, DECISION_4_4))
                .expectSuccessfulHandlerExecution()
                .expectEvents(WG_ESTABLISHED)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void establishingTheSameBodyAgainChangesNothing() {
        fixture.given(WG_ESTABLISHED)
                .when(new EstablishBody(WG, WG_PROFILE, COP4_CLOSED, DECISION_4_4))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsADifferentBodyUnderAnExistingId() {
        fixture.given(WG_ESTABLISHED)
                .when(new EstablishBody(WG, WG_PROFILE, COP4_CLOSED.plusDays(1), DECISION_4_4))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "id", "unique-id"));
    }

    @Test
    void rejectsAnIdThatAlreadyHoldsAMandate() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new EstablishBody(MEETING_MANDATE_CONFERRED.mandateId(), WG_PROFILE, COP4_CLOSED, DECISION_4_4))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    @Test
    void rejectsAnUnknownParent() {
        BodyProfile orphan = new BodyProfile("Orphan group", "OG", BodyKind.EXPERT_GROUP, "no-such-body", false,
                false, null, List.of());
        fixture.givenNoPriorActivity()
                .when(new EstablishBody("orphan", orphan, COP4_CLOSED, DECISION_4_4))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "parentBodyId", "known-body"));
    }

    @Test
    void rejectsAParentDissolvedBeforeTheBodyWasEstablished() {
        registry.withDissolved(COP, LocalDate.of(2004, 6, 28), LocalDate.of(2008, 1, 1));
        fixture.givenNoPriorActivity()
                .when(new EstablishBody(WG, WG_PROFILE, COP4_CLOSED, DECISION_4_4))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "parentBodyId", "body-not-dissolved"));
    }

    @Test
    void rejectsABodyThatIsItsOwnParent() {
        BodyProfile selfParented = new BodyProfile("Loop", "L", BodyKind.OTHER, "loop", false, false, null, null);
        fixture.givenNoPriorActivity()
                .when(new EstablishBody("loop", selfParented, COP4_CLOSED, DECISION_4_4))
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "parentBodyId", "not-self"));
    }

    @Test
    void renamesABody() {
        fixture.given(WG_ESTABLISHED)
                .when(new RenameBody(WG, "Working Group on Trafficking in Persons (renamed)", "WG-TIP", LATER,
                        DECISION_9_1))
                .expectEvents(new BodyRenamed(WG, "Working Group on Trafficking in Persons (renamed)", "WG-TIP",
                        LATER, DECISION_9_1));
    }

    @Test
    void renamingToTheCurrentNameChangesNothing() {
        fixture.given(WG_ESTABLISHED)
                .when(new RenameBody(WG, WG_PROFILE.name(), WG_PROFILE.shortName(), LATER, DECISION_9_1))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsARenamingDatedBeforeTheEstablishment() {
        fixture.given(WG_ESTABLISHED)
                .when(new RenameBody(WG, "Earlier name", "EN", COP4_CLOSED.minusDays(1), DECISION_9_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "renamedOn", "not-before-establishment"));
    }

    @Test
    void rejectsRenamingADissolvedBody() {
        fixture.given(WG_ESTABLISHED, new BodyDissolved(WG, LATER, DECISION_9_1))
                .when(new RenameBody(WG, "New name", "NN", LATER, DECISION_9_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "bodyId", "body-not-dissolved"));
    }

    @Test
    void rejectsCommandsForAnIdThatHoldsAMandate() {
        fixture.given(MEETING_MANDATE_CONFERRED)
                .when(new DissolveBody(MEETING_MANDATE_CONFERRED.mandateId(), LATER, DECISION_9_1))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    @Test
    void dissolvesABody() {
        fixture.given(WG_ESTABLISHED)
                .when(new DissolveBody(WG, LATER, DECISION_9_1))
                .expectEvents(new BodyDissolved(WG, LATER, DECISION_9_1))
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void dissolvingAgainAsRecordedChangesNothing() {
        fixture.given(WG_ESTABLISHED, new BodyDissolved(WG, LATER, DECISION_9_1))
                .when(new DissolveBody(WG, LATER, DECISION_9_1))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsDissolvingTwice() {
        fixture.given(WG_ESTABLISHED, new BodyDissolved(WG, LATER, DECISION_9_1))
                .when(new DissolveBody(WG, LATER.plusDays(1), DECISION_9_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "bodyId", "body-not-dissolved"));
    }

    @Test
    void rejectsADissolutionBeforeTheEstablishment() {
        fixture.given(WG_ESTABLISHED)
                .when(new DissolveBody(WG, COP4_CLOSED.minusYears(1), DECISION_9_1))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "dissolvedOn", "not-before-establishment"));
    }

    @Test
    void correctsTheEstablishmentWithACorrectingEvent() {
        LocalDate opened = LocalDate.of(2008, 10, 8);
        fixture.given(WG_ESTABLISHED)
                .when(new CorrectBodyEstablishment(WG, WG_PROFILE, opened, DECISION_4_4, "date was the closing day"))
                .expectEvents(new BodyEstablishmentCorrected(WG, WG_PROFILE, opened, DECISION_4_4,
                        "date was the closing day"));
    }

    @Test
    void aCorrectionThatChangesNothingRecordsNothing() {
        fixture.given(WG_ESTABLISHED)
                .when(new CorrectBodyEstablishment(WG, WG_PROFILE, COP4_CLOSED, DECISION_4_4, "no change"))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsACorrectedEstablishmentAfterTheDissolution() {
        fixture.given(WG_ESTABLISHED, new BodyDissolved(WG, LATER, DECISION_9_1))
                .when(new CorrectBodyEstablishment(WG, WG_PROFILE, LATER.plusDays(1), DECISION_4_4, "typo"))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "establishedOn", "not-after-dissolution"));
    }

    @Test
    void rejectsACorrectionToAnUnknownParent() {
        BodyProfile wrongParent = new BodyProfile(WG_PROFILE.name(), WG_PROFILE.shortName(), WG_PROFILE.kind(),
                "no-such-body", true, true, null, null);
        fixture.given(WG_ESTABLISHED)
                .when(new CorrectBodyEstablishment(WG, wrongParent, COP4_CLOSED, DECISION_4_4, "parent"))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "parentBodyId", "known-body"));
    }
}
