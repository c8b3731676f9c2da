package org.mandatetracker.report;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.OperativeParagraph;
import org.mandatetracker.meeting.api.RecommendationAdopted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The worked example (DESIGN §2) as the events mandate-service and meeting-service publish, under ids unique to one
 * test run. Records are created in recording order; {@link #mixedOrder()} sends them with the topics interleaved,
 * the sixth session's scheduling last, after the mandate that waits on it.
 */
final class WorkedExample {

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final String cop = "ctoc-cop-" + suffix;
    final String wg = "ctoc-wg-tip-" + suffix;
    final String advise = "wg-advise-" + suffix;
    final String holdMeeting = "wg-meeting-" + suffix;
    final String recommend = "wg-recommend-" + suffix;
    final String cop4 = "cop-4-" + suffix;
    final String cop5 = "cop-5-" + suffix;
    final String cop6 = "cop-6-" + suffix;
    final String wg2011 = "wg-2011-" + suffix;

    private static final SourceCitation D44 = SourceCitation.of("4/4", "1");
    private static final SourceCitation R52A = SourceCitation.of("5/2", "4 (a)");
    private static final SourceCitation R52B = SourceCitation.of("5/2", "4 (b)");
    private static final SourceCitation WG_REPORT = SourceCitation.of("CTOC/COP/WG.4/2011/8", null);
    private static final SourceCitation AGENDA = SourceCitation.of("CTOC/COP/2012/1", null);
    private static final SourceCitation COP5_REPORT = SourceCitation.of("CTOC/COP/2010/17", null);

    private final Publisher publisher;
    private final List<ProducerRecord<String, byte[]>> copFourAndDecision = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> bodiesAndMandates = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> workingGroupMeetings = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> fulfilment = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> copFiveAndSix = new ArrayList<>();

    WorkedExample(Publisher publisher) {
        this.publisher = publisher;
        copFourAndDecision.add(record(new MeetingScheduled(cop4, cop, "Fourth session of the Conference", 4,
                MeetingKind.REGULAR, "Vienna", date("2008-10-08"), date("2008-10-17"), date("2008-10-08"), AGENDA)));
        copFourAndDecision.add(record(new MeetingHeld(cop4, cop, date("2008-10-08"), date("2008-10-17"), AGENDA)));
        copFourAndDecision.add(record(new DecisionAdopted(cop4, cop, DocumentReference.parse("4/4"),
                DecisionAdopted.Type.DECISION, "Trafficking in human beings", List.of(new OperativeParagraph("1",
                "Decides to establish an open-ended interim working group")), date("2008-10-17"), D44)));
        bodiesAndMandates.add(record(new BodyEstablished(cop, new BodyProfile("Conference of the Parties to the "
                + "United Nations Convention against Transnational Organized Crime", "COP", BodyKind.PLENARY, null,
                false, false, null, List.of("article 32 of the Convention")), date("2004-06-28"),
                SourceCitation.of("A/RES/55/25", null))));
        bodiesAndMandates.add(record(new BodyEstablished(wg, new BodyProfile("Working Group on Trafficking in "
                + "Persons", "WG on TIP", BodyKind.WORKING_GROUP, cop, true, true, "chaired by a member of the Bureau",
                List.of("article 32, paragraph 3 of the Convention", "rule 2, paragraph 2 of the rules of procedure")),
                date("2008-10-17"), D44)));
        bodiesAndMandates.add(record(new MandateConferred(advise, wg, "Advise and assist the Conference in the "
                + "implementation of its mandate with regard to the Trafficking in Persons Protocol",
                new Deadline.Standing(), date("2008-10-17"), D44)));
        bodiesAndMandates.add(record(new MandateConferred(holdMeeting, wg, "Hold at least one intersessional "
                + "meeting prior to the sixth session of the Conference", new Deadline.BeforeSession(cop, 6),
                date("2010-10-22"), R52A)));
        bodiesAndMandates.add(record(new MandateConferred(recommend, wg, "Present recommendations to the Conference "
                + "on whether the Working Group should be extended and, if so, on proposed areas of future work",
                new Deadline.AtSession(cop, 6), date("2010-10-22"), R52B)));
        for (String[] dates : new String[][] {{"2009-04-14", "2009-04-15"}, {"2010-01-27", "2010-01-29"},
                {"2010-10-19", "2010-10-19"}}) {
            String id = "wg-" + dates[0] + "-" + suffix;
            workingGroupMeetings.add(record(new MeetingScheduled(id, wg, "Meeting of the Working Group", null,
                    MeetingKind.INTERSESSIONAL, "Vienna", date(dates[0]), date(dates[1]), date(dates[0]), AGENDA)));
            workingGroupMeetings.add(record(new MeetingHeld(id, wg, date(dates[0]), date(dates[1]), AGENDA)));
        }
        copFiveAndSix.add(record(new MeetingScheduled(cop5, cop, "Fifth session of the Conference", 5,
                MeetingKind.REGULAR, "Vienna", date("2010-10-18"), date("2010-10-22"), date("2010-10-18"), AGENDA)));
        copFiveAndSix.add(record(new MeetingHeld(cop5, cop, date("2010-10-18"), date("2010-10-22"), AGENDA)));
        copFiveAndSix.add(record(new DecisionAdopted(cop5, cop, DocumentReference.parse("5/2"),
                DecisionAdopted.Type.RESOLUTION, "Implementation of the Trafficking in Persons Protocol", List.of(),
                date("2010-10-22"), SourceCitation.of("5/2", null))));
        workingGroupMeetings.add(record(new MeetingScheduled(wg2011, wg, "Meeting of the Working Group", null,
                MeetingKind.INTERSESSIONAL, "Vienna", date("2011-10-10"), date("2011-10-12"), date("2011-03-01"),
                R52A)));
        workingGroupMeetings.add(record(new MeetingHeld(wg2011, wg, date("2011-10-10"), date("2011-10-12"),
                WG_REPORT)));
        for (int n = 1; n <= 2; n++) {
            workingGroupMeetings.add(record(new RecommendationAdopted(wg2011, wg, wg2011 + "-rec-" + n,
                    "Recommendation " + n + " of the Working Group", new Addressee(cop, null), Integer.toString(n),
                    DocumentSymbol.parse("CTOC/COP/WG.4/2011/8"), date("2011-10-12"), WG_REPORT)));
        }
        fulfilment.add(record(new MandateFulfilled(holdMeeting, wg, new Evidence.Meeting(wg2011),
                date("2011-10-12"), WG_REPORT)));
        copFiveAndSix.add(record(new MeetingScheduled(cop6, cop, "Sixth session of the Conference", 6,
                MeetingKind.REGULAR, "Vienna", date("2012-10-15"), date("2012-10-19"), date("2010-10-22"),
                COP5_REPORT)));
        copFiveAndSix.add(record(new DocumentIssued(cop6, cop, DocumentSymbol.parse("CTOC/COP/2012/1"),
                "Provisional agenda and annotations", "2 (b)", "English", date("2012-06-21"), AGENDA)));
    }

    /** The records with the topics interleaved: meetings, bodies and mandates, more meetings, the sixth session. */
    List<ProducerRecord<String, byte[]>> mixedOrder() {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>();
        all.addAll(copFourAndDecision);
        all.addAll(bodiesAndMandates);
        all.addAll(workingGroupMeetings);
        all.addAll(fulfilment);
        all.addAll(copFiveAndSix);
        return all;
    }

    ProducerRecord<String, byte[]> record(Object event) {
        return publisher.record(event, "secretariat.recorder");
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
