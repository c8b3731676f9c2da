package org.mandatetracker.meeting.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.OperativeParagraph;
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
import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.support.command.RuleViolation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mandatetracker.meeting.api.MeetingDatesCorrected.Dates.HELD;
import static org.mandatetracker.testsupport.Violations.violates;
import static org.mandatetracker.meeting.api.MeetingDatesCorrected.Dates.PLANNED;

class MeetingTests {

    private static final String COP = "ctoc-cop";
    private static final String WG = "ctoc-wg-tip";
    private static final String COP6 = "cop-6";
    private static final String WG_2011 = "wg-tip-2011";
    private static final LocalDate COP5_CLOSED = LocalDate.of(2010, 10, 22);
    private static final LocalDate COP6_OPENS = LocalDate.of(2012, 10, 15);
    private static final LocalDate COP6_CLOSES = LocalDate.of(2012, 10, 19);
    private static final LocalDate WG_OPENS = LocalDate.of(2011, 10, 10);
    private static final LocalDate WG_CLOSES = LocalDate.of(2011, 10, 12);
    private static final SourceCitation RESOLUTION_5_2 = SourceCitation.of("5/2", "4");
    private static final SourceCitation WG_REPORT = SourceCitation.of("CTOC/COP/WG.4/2011/8", null);
    private static final DocumentSymbol WG_REPORT_SYMBOL = DocumentSymbol.parse("CTOC/COP/WG.4/2011/8");

    private static final MeetingScheduled COP6_SCHEDULED = new MeetingScheduled(COP6, COP,
            "Sixth session of the Conference of the Parties", 6, MeetingKind.REGULAR, "Vienna", COP6_OPENS,
            COP6_CLOSES, COP5_CLOSED, RESOLUTION_5_2);
    private static final MeetingScheduled WG_SCHEDULED = new MeetingScheduled(WG_2011, WG,
            "Meeting of the Working Group on Trafficking in Persons", null, MeetingKind.INTERSESSIONAL, "Vienna",
            WG_OPENS, WG_CLOSES, LocalDate.of(2011, 3, 1), RESOLUTION_5_2);
    private static final MeetingHeld WG_HELD = new MeetingHeld(WG_2011, WG, WG_OPENS, WG_CLOSES, WG_REPORT);

    private FixtureConfiguration<Meeting> fixture;
    private final Map<String, KnownBodies.KnownBody> bodies = new HashMap<>();
    private final Map<String, String> sessions = new HashMap<>();
    private boolean directoryUpToDate = true;

    @BeforeEach
    void setUp() {
        bodies.put(COP, new KnownBodies.KnownBody(COP, "Conference of the Parties", LocalDate.of(2004, 6, 28), null));
        bodies.put(WG, new KnownBodies.KnownBody(WG, "Working Group", LocalDate.of(2008, 10, 17), null));
        KnownBodies knownBodies = new KnownBodies() {
            @Override
            public Optional<KnownBody> find(String bodyId) {
                return Optional.ofNullable(bodies.get(bodyId));
            }

            @Override
            public boolean upToDate() {
                return directoryUpToDate;
            }
        };
        SessionRegistry registry = (body, session) -> Optional.ofNullable(sessions.get(body + "#" + session));
        // The service keeps the registry in step with the stored events; here it is read off them.
        OutcomeRegistry outcomeRegistry = (meeting, kind, key) -> fixture.getEventStore().readEvents(meeting)
                .asStream().flatMap(event -> RecordedOutcome.of(event.getPayload()).stream())
                .filter(outcome -> outcome.kind() == kind && outcome.key().equals(key))
                .map(RecordedOutcome::fingerprint).findFirst();
        fixture = new AggregateTestFixture<>(Meeting.class)
                .registerInjectableResource(knownBodies)
                .registerInjectableResource(registry)
                .registerInjectableResource(outcomeRegistry);
    }

    private static ScheduleMeeting scheduleCop6() {
        return new ScheduleMeeting(COP6, COP, "Sixth session of the Conference of the Parties", 6,
                MeetingKind.REGULAR, "Vienna", COP6_OPENS, COP6_CLOSES, COP5_CLOSED, RESOLUTION_5_2);
    }

    @Test
    void schedulesANumberedSession() {
        fixture.givenNoPriorActivity()
                .when(scheduleCop6())
                .expectEvents(COP6_SCHEDULED)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void schedulingTheSameMeetingAgainChangesNothing() {
        fixture.given(COP6_SCHEDULED).when(scheduleCop6()).expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsADifferentMeetingUnderAnExistingId() {
        fixture.given(COP6_SCHEDULED)
                .when(new ScheduleMeeting(COP6, COP, "Another title", 6, MeetingKind.REGULAR, "Vienna", COP6_OPENS,
                        COP6_CLOSES, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "id", "unique-id"));
    }

    @Test
    void rejectsASessionNumberAlreadyScheduledForTheBody() {
        sessions.put(COP + "#6", "cop-6-first");
        fixture.givenNoPriorActivity()
                .when(scheduleCop6())
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "session", "unique-session"));
    }

    @Test
    void rejectsAnUnknownBodyAndSaysToRetry() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting("m", "just-established", "T", null, MeetingKind.SPECIAL, null, COP6_OPENS,
                        COP6_CLOSES, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "bodyId", "known-body"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("retry"));
    }

    @Test
    void asksToComeBackForAnUnknownBodyWhileTheDirectoryIsStillReading() {
        directoryUpToDate = false;
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting("m", "just-established", "T", null, MeetingKind.SPECIAL, null, COP6_OPENS,
                        COP6_CLOSES, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.NOT_YET, "bodyId", "known-body"));
    }

    @Test
    void rejectsAMeetingOfADissolvedBody() {
        bodies.put(WG, new KnownBodies.KnownBody(WG, "Working Group", LocalDate.of(2008, 10, 17),
                LocalDate.of(2011, 1, 1)));
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(WG_2011, WG, "T", null, MeetingKind.INTERSESSIONAL, null, WG_OPENS,
                        WG_CLOSES, LocalDate.of(2010, 12, 1), RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "bodyId", "body-not-dissolved"));
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(COP6, COP, "T", 6, MeetingKind.REGULAR, null, COP6_CLOSES, COP6_OPENS,
                        COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "plannedEnd", "not-before-start"));
    }

    @Test
    void reschedulesAMeeting() {
        LocalDate later = COP6_OPENS.plusWeeks(1);
        fixture.given(COP6_SCHEDULED)
                .when(new RescheduleMeeting(COP6, later, later.plusDays(4), "venue works", COP5_CLOSED.plusYears(1),
                        RESOLUTION_5_2))
                .expectEvents(new MeetingRescheduled(COP6, COP, later, later.plusDays(4), "venue works",
                        COP5_CLOSED.plusYears(1), RESOLUTION_5_2));
    }

    @Test
    void rejectsReschedulingAHeldMeeting() {
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(new RescheduleMeeting(WG_2011, WG_OPENS, WG_CLOSES, null, WG_CLOSES, WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }

    @Test
    void rejectsReschedulingToAnEndBeforeTheStart() {
        fixture.given(COP6_SCHEDULED)
                .when(new RescheduleMeeting(COP6, COP6_CLOSES, COP6_OPENS, null, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "plannedEnd", "not-before-start"));
    }

    @Test
    void recordsAMeetingAsHeld() {
        fixture.given(WG_SCHEDULED)
                .when(new RecordMeetingHeld(WG_2011, WG_OPENS, WG_CLOSES, WG_REPORT))
                .expectEvents(WG_HELD);
    }

    @Test
    void recordingTheSameHoldingAgainChangesNothing() {
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(new RecordMeetingHeld(WG_2011, WG_OPENS, WG_CLOSES, WG_REPORT))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsOtherHeldDatesOnceHeld() {
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(new RecordMeetingHeld(WG_2011, WG_OPENS, WG_CLOSES.plusDays(1), WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }

    @Test
    void rejectsHeldDatesBeforeTheMeetingWasScheduled() {
        fixture.given(WG_SCHEDULED)
                .when(new RecordMeetingHeld(WG_2011, LocalDate.of(2011, 2, 1), LocalDate.of(2011, 2, 2), WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "heldFrom", "not-before-scheduling"));
    }

    @Test
    void rejectsHeldDatesEndingBeforeTheyStart() {
        fixture.given(WG_SCHEDULED)
                .when(new RecordMeetingHeld(WG_2011, WG_CLOSES, WG_OPENS, WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "heldTo", "not-before-start"));
    }

    @Test
    void rejectsHoldingACancelledMeeting() {
        fixture.given(WG_SCHEDULED, new MeetingCancelled(WG_2011, WG, null, WG_OPENS, WG_REPORT))
                .when(new RecordMeetingHeld(WG_2011, WG_OPENS, WG_CLOSES, WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }

    @Test
    void postponesAScheduledMeeting() {
        fixture.given(COP6_SCHEDULED)
                .when(new PostponeMeeting(COP6, "no quorum", COP5_CLOSED.plusYears(1), RESOLUTION_5_2))
                .expectEvents(new MeetingPostponed(COP6, COP, "no quorum", COP5_CLOSED.plusYears(1), RESOLUTION_5_2));
    }

    @Test
    void postponingAgainAsRecordedChangesNothing() {
        fixture.given(COP6_SCHEDULED, new MeetingPostponed(COP6, COP, null, COP5_CLOSED, RESOLUTION_5_2))
                .when(new PostponeMeeting(COP6, null, COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsPostponingTwice() {
        fixture.given(COP6_SCHEDULED, new MeetingPostponed(COP6, COP, null, COP5_CLOSED, RESOLUTION_5_2))
                .when(new PostponeMeeting(COP6, "again", COP5_CLOSED.plusDays(1), RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }

    @Test
    void cancelsAMeeting() {
        fixture.given(COP6_SCHEDULED)
                .when(new CancelMeeting(COP6, "withdrawn", COP5_CLOSED.plusYears(1), RESOLUTION_5_2))
                .expectEvents(new MeetingCancelled(COP6, COP, "withdrawn", COP5_CLOSED.plusYears(1), RESOLUTION_5_2));
    }

    @Test
    void rejectsCancellingAHeldMeeting() {
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(new CancelMeeting(WG_2011, null, WG_CLOSES, WG_REPORT))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }

    @Test
    void correctsHeldDatesWithACorrectingEvent() {
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(new CorrectMeetingDates(WG_2011, HELD, WG_OPENS.minusDays(1), WG_CLOSES, "typo", WG_REPORT))
                .expectEvents(new MeetingDatesCorrected(WG_2011, WG, HELD, WG_OPENS.minusDays(1), WG_CLOSES, "typo",
                        WG_REPORT));
    }

    @Test
    void correctionsMayPlaceDatesBeforeTheScheduling() {
        LocalDate early = LocalDate.of(2011, 2, 1);
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(new CorrectMeetingDates(WG_2011, PLANNED, early, early.plusDays(2), "misread", WG_REPORT))
                .expectEvents(new MeetingDatesCorrected(WG_2011, WG, PLANNED, early, early.plusDays(2), "misread",
                        WG_REPORT));
    }

    @Test
    void aCorrectionThatChangesNothingRecordsNothing() {
        fixture.given(COP6_SCHEDULED)
                .when(new CorrectMeetingDates(COP6, PLANNED, COP6_OPENS, COP6_CLOSES, "none", RESOLUTION_5_2))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsCorrectingHeldDatesOfAMeetingNotHeld() {
        fixture.given(COP6_SCHEDULED)
                .when(new CorrectMeetingDates(COP6, HELD, COP6_OPENS, COP6_CLOSES, "x", RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "which", "meeting-held"));
    }

    @Test
    void rejectsACorrectionEndingBeforeItStarts() {
        fixture.given(COP6_SCHEDULED)
                .when(new CorrectMeetingDates(COP6, PLANNED, COP6_CLOSES, COP6_OPENS, "x", RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "endsOn", "not-before-start"));
    }

    private static AdoptDecision decision55(LocalDate on) {
        return new AdoptDecision(COP6, DocumentReference.parse("6/1"), DecisionAdopted.Type.RESOLUTION,
                "Trafficking in persons", List.of(new OperativeParagraph("1", "Decides to extend")), on,
                SourceCitation.of("CTOC/COP/2012/15", null));
    }

    @Test
    void recordsADecisionAdoptedDuringTheSession() {
        MeetingHeld held = new MeetingHeld(COP6, COP, COP6_OPENS, COP6_CLOSES, RESOLUTION_5_2);
        fixture.given(COP6_SCHEDULED, held)
                .when(decision55(COP6_CLOSES))
                .expectEvents(new DecisionAdopted(COP6, COP, DocumentReference.parse("6/1"),
                        DecisionAdopted.Type.RESOLUTION, "Trafficking in persons",
                        List.of(new OperativeParagraph("1", "Decides to extend")), COP6_CLOSES,
                        SourceCitation.of("CTOC/COP/2012/15", null)));
    }

    @Test
    void recordsADecisionOfAMeetingBeingHeldThatDay() {
        fixture.given(COP6_SCHEDULED)
                .when(decision55(COP6_OPENS.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void rejectsADecisionOutsideTheSession() {
        fixture.given(COP6_SCHEDULED)
                .when(decision55(COP6_OPENS.minusDays(1)))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "adoptedOn", "meeting-in-session"));
    }

    @Test
    void rejectsADecisionOfAPostponedMeeting() {
        fixture.given(COP6_SCHEDULED, new MeetingPostponed(COP6, COP, null, COP5_CLOSED, RESOLUTION_5_2))
                .when(decision55(COP6_OPENS))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "adoptedOn", "meeting-in-session"));
    }

    @Test
    void rejectsADifferentDecisionUnderTheSameNumber() {
        fixture.given(COP6_SCHEDULED)
                .andGivenCommands(decision55(COP6_OPENS))
                .when(new AdoptDecision(COP6, DocumentReference.parse("6/1"), DecisionAdopted.Type.DECISION,
                        "Other", List.of(), COP6_OPENS, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "reference", "unique-outcome"));
    }

    private static AdoptRecommendation recommendation(String id, Addressee addressee, LocalDate on) {
        return new AdoptRecommendation(WG_2011, id, "States parties should consider ...", addressee, "1",
                WG_REPORT_SYMBOL, on, WG_REPORT);
    }

    @Test
    void recordsARecommendationOfAHeldMeeting() {
        Addressee parties = new Addressee(null, "States parties");
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(recommendation("rec-1", parties, WG_CLOSES))
                .expectEvents(new RecommendationAdopted(WG_2011, WG, "rec-1", "States parties should consider ...",
                        parties, "1", WG_REPORT_SYMBOL, WG_CLOSES, WG_REPORT));
    }

    @Test
    void repeatingARecommendationChangesNothing() {
        Addressee cop = new Addressee(COP, null);
        fixture.given(WG_SCHEDULED, WG_HELD)
                .andGivenCommands(recommendation("rec-1", cop, WG_CLOSES))
                .when(recommendation("rec-1", cop, WG_CLOSES))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void rejectsARecommendationToAnUnknownBody() {
        fixture.given(WG_SCHEDULED, WG_HELD)
                .when(recommendation("rec-1", new Addressee("no-such-body", null), WG_CLOSES))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "addressee.bodyId", "known-body"));
    }

    @Test
    void rejectsARecommendationOfACancelledMeeting() {
        fixture.given(WG_SCHEDULED, new MeetingCancelled(WG_2011, WG, null, WG_OPENS, WG_REPORT))
                .when(recommendation("rec-1", new Addressee(COP, null), WG_CLOSES))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.UNPROCESSABLE, "adoptedOn", "meeting-in-session"));
    }

    private static IssueDocument secretariatNote() {
        return new IssueDocument(COP6, DocumentSymbol.parse("CTOC/COP/2012/12"),
                "Recommendations adopted by the Working Group on Trafficking in Persons", "2 (b)", "English",
                LocalDate.of(2012, 6, 21), SourceCitation.of("CTOC/COP/2012/12", null));
    }

    @Test
    void issuesADocumentBeforeTheSession() {
        fixture.given(COP6_SCHEDULED)
                .when(secretariatNote())
                .expectEvents(new DocumentIssued(COP6, COP, DocumentSymbol.parse("CTOC/COP/2012/12"),
                        "Recommendations adopted by the Working Group on Trafficking in Persons", "2 (b)", "English",
                        LocalDate.of(2012, 6, 21), SourceCitation.of("CTOC/COP/2012/12", null)));
    }

    @Test
    void rejectsADocumentForACancelledMeeting() {
        fixture.given(COP6_SCHEDULED, new MeetingCancelled(COP6, COP, null, COP5_CLOSED, RESOLUTION_5_2))
                .when(secretariatNote())
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }

    @Test
    void rejectsADifferentDocumentUnderTheSameSymbol() {
        fixture.given(COP6_SCHEDULED)
                .andGivenCommands(secretariatNote())
                .when(new IssueDocument(COP6, DocumentSymbol.parse("CTOC/COP/2012/12"), "Other", null, null,
                        LocalDate.of(2012, 6, 22), RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "symbol", "unique-outcome"));
    }

    @Test
    void reschedulingToTheDatesAlreadyPlannedChangesNothing() {
        fixture.given(COP6_SCHEDULED)
                .when(new RescheduleMeeting(COP6, COP6_OPENS, COP6_CLOSES, "confirmed", COP5_CLOSED.plusYears(1),
                        RESOLUTION_5_2))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void reschedulingARescheduledMeetingToItsNewDatesAgainChangesNothing() {
        LocalDate later = COP6_OPENS.plusWeeks(2);
        fixture.given(COP6_SCHEDULED, new MeetingRescheduled(COP6, COP, later, later.plusDays(4), null,
                        COP5_CLOSED.plusYears(1), RESOLUTION_5_2))
                .when(new RescheduleMeeting(COP6, later, later.plusDays(4), null, COP5_CLOSED.plusYears(1),
                        RESOLUTION_5_2))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void reschedulingAPostponedMeetingToItsOldDatesIsRecorded() {
        MeetingRescheduled back = new MeetingRescheduled(COP6, COP, COP6_OPENS, COP6_CLOSES, null,
                COP5_CLOSED.plusYears(1), RESOLUTION_5_2);
        fixture.given(COP6_SCHEDULED, new MeetingPostponed(COP6, COP, null, COP5_CLOSED, RESOLUTION_5_2))
                .when(new RescheduleMeeting(COP6, COP6_OPENS, COP6_CLOSES, null, COP5_CLOSED.plusYears(1),
                        RESOLUTION_5_2))
                .expectEvents(back)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void cancellingAgainAsRecordedChangesNothing() {
        fixture.given(COP6_SCHEDULED, new MeetingCancelled(COP6, COP, "withdrawn", COP5_CLOSED, RESOLUTION_5_2))
                .when(new CancelMeeting(COP6, "withdrawn", COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void cancellingAgainForAnotherReasonIsAConflict() {
        fixture.given(COP6_SCHEDULED, new MeetingCancelled(COP6, COP, "withdrawn", COP5_CLOSED, RESOLUTION_5_2))
                .when(new CancelMeeting(COP6, "no funds", COP5_CLOSED, RESOLUTION_5_2))
                .expectNoEvents()
                .expectException(violates(RuleViolation.Kind.CONFLICT, "meetingId", "meeting-status"));
    }
}
