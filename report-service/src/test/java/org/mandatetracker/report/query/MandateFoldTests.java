package org.mandatetracker.report.query;

import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.Fact;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.report.projection.ResolvedDeadline;
import org.mandatetracker.report.projection.StoredFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference fold the stored views are checked against: mandate status and deadline resolution, folded from facts
 * fed directly, for every status and every deadline form.
 */
class MandateFoldTests {

    private static final String COP = "cop";
    private static final String WG = "wg";
    private static final String COP6 = "cop-6";
    private static final String M = "m";
    private static final SourceCitation R52 = SourceCitation.of("5/2", "4");
    private static final LocalDate COP5 = LocalDate.of(2010, 10, 22);
    private static final LocalDate COP6_OPENS = LocalDate.of(2012, 10, 15);
    private static final MeetingScheduled COP6_SCHEDULED = new MeetingScheduled(COP6, COP, "Sixth session", 6,
            MeetingKind.REGULAR, "Vienna", COP6_OPENS, COP6_OPENS.plusDays(4), COP5, R52);

    private final List<StoredFact> mandateFacts = new ArrayList<>();
    private final List<StoredFact> meetingFacts = new ArrayList<>();

    private static StoredFact fact(List<StoredFact> into, String aggregate, Fact event) {
        StoredFact fact = new StoredFact(into.size() + 1, aggregate + "-" + into.size(), aggregate, into.size(), WG,
                Instant.parse("2020-01-01T00:00:00Z").plusSeconds(into.size()), "recorder", event);
        into.add(fact);
        return fact;
    }

    private void mandate(Fact event) {
        fact(mandateFacts, M, event);
    }

    private void meeting(Fact event) {
        fact(meetingFacts, COP6, event);
    }

    private Optional<MandateReport> asOf(String date) {
        LocalDate asOf = LocalDate.parse(date);
        return ReferenceFold.report(mandateFacts, meetingFacts, asOf, null, Object::toString);
    }

    private MandateReport report(String date) {
        return asOf(date).orElseThrow();
    }

    private void conferred(Deadline deadline) {
        mandate(new MandateConferred(M, WG, "Hold a meeting", deadline, COP5, R52));
    }

    @Test
    void aMandateNotYetConferredIsNotListed() {
        conferred(new Deadline.Standing());
        assertThat(asOf("2010-10-21")).isEmpty();
        assertThat(asOf("2010-10-22")).isPresent();
    }

    @Test
    void aStandingMandateIsStanding() {
        conferred(new Deadline.Standing());
        MandateReport report = report("2011-01-01");
        assertThat(report.status()).isEqualTo(MandateStatus.STANDING);
        assertThat(report.resolution()).isEqualTo(ResolvedDeadline.Resolution.STANDING);
        assertThat(report.resolvedDue()).isNull();
    }

    @Test
    void aDatedDeadlineIsDueOnItsDate() {
        conferred(new Deadline.OnDate(LocalDate.of(2012, 12, 31)));
        MandateReport report = report("2011-01-01");
        assertThat(report.resolvedDue()).isEqualTo("2012-12-31");
        assertThat(report.resolution()).isEqualTo(ResolvedDeadline.Resolution.DATED);
        assertThat(report.status()).isEqualTo(MandateStatus.OPEN);
    }

    @Test
    void beforeASessionIsDueTheDayBeforeItOpens() {
        meeting(COP6_SCHEDULED);
        conferred(new Deadline.BeforeSession(COP, 6));
        MandateReport report = report("2011-01-01");
        assertThat(report.resolvedDue()).isEqualTo("2012-10-14");
        assertThat(report.resolution()).isEqualTo(ResolvedDeadline.Resolution.RESOLVED);
        assertThat(report.sessionMeetingId()).isEqualTo(COP6);
        assertThat(report.status()).isEqualTo(MandateStatus.OPEN);
    }

    @Test
    void atASessionIsDueTheDayItOpens() {
        meeting(COP6_SCHEDULED);
        conferred(new Deadline.AtSession(COP, 6));
        assertThat(report("2011-01-01").resolvedDue()).isEqualTo("2012-10-15");
    }

    @Test
    void aSessionNotYetScheduledLeavesTheDeadlineUnresolved() {
        conferred(new Deadline.AtSession(COP, 6));
        MandateReport report = report("2011-01-01");
        assertThat(report.resolvedDue()).isNull();
        assertThat(report.resolution()).isEqualTo(ResolvedDeadline.Resolution.UNRESOLVED);
        assertThat(report.status()).isEqualTo(MandateStatus.OPEN);
    }

    @Test
    void aSchedulingAfterTheAsOfDateDoesNotResolveIt() {
        meeting(new MeetingScheduled(COP6, COP, "Sixth session", 6, MeetingKind.REGULAR, null, COP6_OPENS,
                COP6_OPENS.plusDays(4), LocalDate.of(2012, 6, 21), R52));
        conferred(new Deadline.AtSession(COP, 6));
        assertThat(report("2011-01-01").resolution()).isEqualTo(ResolvedDeadline.Resolution.UNRESOLVED);
        assertThat(report("2012-07-01").resolvedDue()).isEqualTo("2012-10-15");
    }

    @Test
    void reschedulingMovesTheResolvedDate() {
        meeting(COP6_SCHEDULED);
        meeting(new MeetingRescheduled(COP6, COP, COP6_OPENS.plusWeeks(2), COP6_OPENS.plusWeeks(2).plusDays(4),
                "venue", LocalDate.of(2012, 3, 1), R52));
        conferred(new Deadline.BeforeSession(COP, 6));
        assertThat(report("2012-01-01").resolvedDue()).isEqualTo("2012-10-14");
        assertThat(report("2012-03-01").resolvedDue()).isEqualTo("2012-10-28");
    }

    @Test
    void cancellingTheSessionUnresolvesAndFlagsTheDeadline() {
        meeting(COP6_SCHEDULED);
        meeting(new MeetingCancelled(COP6, COP, "none", LocalDate.of(2012, 3, 1), R52));
        conferred(new Deadline.BeforeSession(COP, 6));
        MandateReport report = report("2012-04-01");
        assertThat(report.resolvedDue()).isNull();
        assertThat(report.resolution()).isEqualTo(ResolvedDeadline.Resolution.SESSION_CANCELLED);
    }

    @Test
    void postponingTheSessionUnresolvesTheDeadline() {
        meeting(COP6_SCHEDULED);
        meeting(new MeetingPostponed(COP6, COP, null, LocalDate.of(2012, 3, 1), R52));
        conferred(new Deadline.BeforeSession(COP, 6));
        assertThat(report("2012-04-01").resolution()).isEqualTo(ResolvedDeadline.Resolution.UNRESOLVED);
    }

    @Test
    void heldAndCorrectedDatesWin() {
        meeting(COP6_SCHEDULED);
        meeting(new MeetingDatesCorrected(COP6, COP, MeetingDatesCorrected.Dates.PLANNED, COP6_OPENS.plusDays(1),
                COP6_OPENS.plusDays(5), "misread", R52));
        conferred(new Deadline.AtSession(COP, 6));
        assertThat(report("2011-01-01").resolvedDue()).isEqualTo("2012-10-16");
        meeting(new MeetingHeld(COP6, COP, COP6_OPENS.plusDays(2), COP6_OPENS.plusDays(5), R52));
        assertThat(report("2012-11-01").resolvedDue()).isEqualTo("2012-10-17");
    }

    @Test
    void dueWithinThirtyDaysIsDueSoonAndAfterwardsOverdue() {
        meeting(COP6_SCHEDULED);
        conferred(new Deadline.BeforeSession(COP, 6));
        assertThat(report("2012-09-13").status()).isEqualTo(MandateStatus.OPEN);
        assertThat(report("2012-09-14").status()).isEqualTo(MandateStatus.DUE_SOON);
        assertThat(report("2012-10-14").status()).isEqualTo(MandateStatus.DUE_SOON);
        assertThat(report("2012-10-15").status()).isEqualTo(MandateStatus.OVERDUE);
    }

    @Test
    void fulfilmentCountsFromItsDateWithItsEvidence() {
        meeting(COP6_SCHEDULED);
        conferred(new Deadline.BeforeSession(COP, 6));
        mandate(new MandateFulfilled(M, WG, new Evidence.Meeting("wg-2011"), LocalDate.of(2011, 10, 12),
                SourceCitation.of("CTOC/COP/WG.4/2011/8", null)));
        assertThat(report("2011-10-11").status()).isEqualTo(MandateStatus.OPEN);
        MandateReport fulfilled = report("2012-07-01");
        assertThat(fulfilled.status()).isEqualTo(MandateStatus.FULFILLED);
        assertThat(fulfilled.evidence()).isEqualTo(new Evidence.Meeting("wg-2011"));
        assertThat(fulfilled.closedOn()).isEqualTo("2011-10-12");
    }

    @Test
    void anExtensionChangesTheDeadlineAndShowsAsExtended() {
        conferred(new Deadline.OnDate(LocalDate.of(2011, 6, 30)));
        mandate(new MandateExtended(M, WG, new Deadline.OnDate(LocalDate.of(2013, 6, 30)),
                LocalDate.of(2011, 6, 1), R52));
        assertThat(report("2011-05-01").status()).isEqualTo(MandateStatus.OPEN);
        MandateReport extended = report("2011-07-01");
        assertThat(extended.status()).isEqualTo(MandateStatus.EXTENDED);
        assertThat(extended.resolvedDue()).isEqualTo("2013-06-30");
        assertThat(report("2013-06-15").status()).isEqualTo(MandateStatus.DUE_SOON);
    }

    @Test
    void terminationAndSupersessionCloseTheMandate() {
        conferred(new Deadline.Standing());
        mandate(new MandateSuperseded(M, WG, "m2", LocalDate.of(2012, 10, 19), R52));
        MandateReport superseded = report("2013-01-01");
        assertThat(superseded.status()).isEqualTo(MandateStatus.SUPERSEDED);
        assertThat(superseded.supersededBy()).isEqualTo("m2");

        mandateFacts.clear();
        conferred(new Deadline.Standing());
        mandate(new MandateTerminated(M, WG, LocalDate.of(2012, 10, 19), R52));
        assertThat(report("2012-10-18").status()).isEqualTo(MandateStatus.STANDING);
        assertThat(report("2012-10-19").status()).isEqualTo(MandateStatus.TERMINATED);
    }

    @Test
    void theTaskReadsAsAmendedFromTheAmendmentOn() {
        conferred(new Deadline.Standing());
        mandate(new MandateTaskAmended(M, WG, "Hold two meetings", LocalDate.of(2011, 5, 1), R52));
        assertThat(report("2011-04-30").task()).isEqualTo("Hold a meeting");
        assertThat(report("2011-05-01").task()).isEqualTo("Hold two meetings");
    }
}
