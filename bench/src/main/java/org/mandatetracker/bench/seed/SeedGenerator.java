package org.mandatetracker.bench.seed;

import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.meeting.api.Addressee;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.OperativeParagraph;
import org.mandatetracker.meeting.api.RecommendationAdopted;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a realistic record body by body, about a hundred facts each: the body's establishment, five numbered
 * sessions (three held with their decisions, recommendations and documents; one rescheduled; the last postponed,
 * cancelled, held or left planned), and ten mandates with deadlines of every form, some amended, extended,
 * fulfilled, terminated or superseded. Growing to more facts carries on from the last body, so a larger scale
 * contains the smaller one.
 */
public final class SeedGenerator {

    /** Receives each fact with its aggregate and its position in that aggregate's stream. */
    @FunctionalInterface
    public interface Sink {
        void accept(String topic, String source, String aggregateId, long sequence, Object event);
    }

    private static final String FILLER = "taking into account the views expressed by States parties and relevant "
            + "international organizations, and within existing resources";

    private final Layout layout;
    private int bodies;
    private long facts;

    public SeedGenerator(Layout layout) {
        this.layout = layout;
    }

    public int bodies() {
        return bodies;
    }

    public long facts() {
        return facts;
    }

    /** Generates whole bodies until at least {@code target} facts exist. */
    public void growTo(long target, Sink sink) {
        while (facts < target) {
            facts += generateBody(bodies++, sink);
        }
    }

    private long generateBody(int body, Sink sink) {
        Emitter out = new Emitter(sink);
        String bodyId = layout.bodyId(body);
        boolean plenary = Layout.isPlenary(body);
        String parent = plenary ? null : layout.bodyId(Layout.plenaryOf(body));
        LocalDate established = layout.establishedOn(body);
        DocumentReference establishingDecision = DocumentReference.parse(layout.establishingDecision(body));

        out.mandateEvent(bodyId, new BodyEstablished(bodyId, new BodyProfile("Bench body " + body, "BB" + body,
                plenary ? BodyKind.PLENARY : BodyKind.WORKING_GROUP, parent, !plenary, false,
                "chaired by a member of the Bureau", List.of("article 32 of the Convention")), established,
                new SourceCitation(establishingDecision, "1")));

        for (int session = 1; session <= Layout.SESSIONS; session++) {
            meeting(out, body, session, established, establishingDecision);
        }
        for (int mandate = 0; mandate < Layout.MANDATES; mandate++) {
            mandate(out, body, mandate, established, establishingDecision);
        }
        return out.count;
    }

    private void meeting(Emitter out, int body, int session, LocalDate established, DocumentReference decision) {
        String bodyId = layout.bodyId(body);
        String meetingId = layout.meetingId(body, session);
        LocalDate start = layout.sessionStart(body, session);
        LocalDate end = layout.sessionEnd(body, session);
        SourceCitation report = citation(layout.symbol(body, session, "REP"), null);
        out.meetingEvent(meetingId, new MeetingScheduled(meetingId, bodyId, ordinal(session) + " session of body "
                + body, session, MeetingKind.REGULAR, "Vienna", start, end, established,
                new SourceCitation(decision, "2")));
        boolean held = session <= Layout.HELD_SESSIONS;
        if (session == 4) {
            out.meetingEvent(meetingId, new MeetingRescheduled(meetingId, bodyId, start.plusDays(30), end.plusDays(30),
                    "venue unavailable", start.minusDays(90), report));
        } else if (session == Layout.SESSIONS) {
            switch (body % 4) {
                case 0 -> out.meetingEvent(meetingId, new MeetingPostponed(meetingId, bodyId, "lack of resources",
                        start.minusDays(60), report));
                case 1 -> out.meetingEvent(meetingId, new MeetingCancelled(meetingId, bodyId, "merged with another "
                        + "session", start.minusDays(60), report));
                case 2 -> out.meetingEvent(meetingId, new MeetingHeld(meetingId, bodyId, start, end, report));
                default -> {
                }
            }
        }
        if (!held) {
            return;
        }
        out.meetingEvent(meetingId, new MeetingHeld(meetingId, bodyId, start, end, report));
        for (int d = 1; d <= Layout.DECISIONS_PER_MEETING; d++) {
            DocumentReference reference = DocumentReference.parse(layout.decisionSymbol(body, session, d));
            out.meetingEvent(meetingId, new DecisionAdopted(meetingId, bodyId, reference, DecisionAdopted.Type.DECISION,
                    "Decision " + d + " of the " + ordinal(session) + " session of body " + body,
                    List.of(new OperativeParagraph("1", "Decides to continue its work, " + FILLER + ";"),
                            new OperativeParagraph("2", "Requests the secretariat to report, " + FILLER + ".")),
                    end, new SourceCitation(reference, null)));
        }
        for (int r = 1; r <= Layout.RECOMMENDATIONS_PER_MEETING; r++) {
            Addressee addressee = r % 3 == 0
                    ? new Addressee(Layout.isPlenary(body) ? bodyId : layout.bodyId(Layout.plenaryOf(body)), null)
                    : new Addressee(null, "States parties");
            out.meetingEvent(meetingId, new RecommendationAdopted(meetingId, bodyId,
                    layout.recommendationId(body, session, r), "States parties should consider measures, " + FILLER
                    + " (recommendation " + r + ").", addressee, Integer.toString(r),
                    DocumentSymbol.parse(layout.symbol(body, session, "REP")), end, report));
        }
        for (int d = 1; d <= Layout.DOCUMENTS_PER_MEETING; d++) {
            String symbol = layout.symbol(body, session, "DOC." + d);
            out.meetingEvent(meetingId, new DocumentIssued(meetingId, bodyId, DocumentSymbol.parse(symbol),
                    "Background paper " + d + " for the " + ordinal(session) + " session", "2 (" + (char) ('a' + d - 1)
                    + ")", "English", start.minusDays(30), citation(symbol, null)));
        }
    }

    private void mandate(Emitter out, int body, int m, LocalDate established, DocumentReference decision) {
        String bodyId = layout.bodyId(body);
        String mandateId = layout.mandateId(body, m);
        String sessionBody = m == 5 && !Layout.isPlenary(body) ? layout.bodyId(Layout.plenaryOf(body)) : bodyId;
        Deadline deadline = switch (m % 4) {
            case 0 -> new Deadline.OnDate(established.plusDays(200 + m * 150L));
            case 1 -> new Deadline.BeforeSession(sessionBody, 4 + m % 2);
            case 2 -> new Deadline.AtSession(sessionBody, 3 + m % 3);
            default -> new Deadline.Standing();
        };
        SourceCitation source = new SourceCitation(decision, Integer.toString(m + 3));
        out.mandateEvent(mandateId, new MandateConferred(mandateId, bodyId, "Task " + m + " of body " + body
                + ": to prepare recommendations, " + FILLER + ".", deadline, established, source));
        LocalDate heldEnd = layout.sessionEnd(body, Layout.HELD_SESSIONS);
        SourceCitation report = citation(layout.symbol(body, Layout.HELD_SESSIONS, "REP"), null);
        switch (m) {
            case 0 -> out.mandateEvent(mandateId, new MandateFulfilled(mandateId, bodyId, new Evidence.Document(
                    DocumentSymbol.parse(layout.symbol(body, Layout.HELD_SESSIONS, "DOC.1"))), heldEnd, report));
            case 2, 6 -> out.mandateEvent(mandateId, new MandateFulfilled(mandateId, bodyId,
                    new Evidence.Meeting(layout.meetingId(body, Layout.HELD_SESSIONS)), heldEnd, report));
            case 1 -> out.mandateEvent(mandateId, new MandateExtended(mandateId, bodyId,
                    new Deadline.OnDate(established.plusYears(6)), established.plusYears(2), source));
            case 4 -> out.mandateEvent(mandateId, new MandateExtended(mandateId, bodyId,
                    new Deadline.OnDate(established.plusYears(5)), established.plusYears(2), source));
            case 8 -> out.mandateEvent(mandateId, new MandateTaskAmended(mandateId, bodyId, "Task " + m
                    + " as amended: to report on progress, " + FILLER + ".", established.plusYears(1), source));
            case 9 -> {
                if (body % 5 == 0) {
                    out.mandateEvent(mandateId, new MandateTerminated(mandateId, bodyId, established.plusYears(3),
                            source));
                }
            }
            case 7 -> {
                if (body % 7 == 0) {
                    out.mandateEvent(mandateId, new MandateSuperseded(mandateId, bodyId, layout.mandateId(body, 3),
                            established.plusYears(3), source));
                }
            }
            default -> {
            }
        }
    }

    private static SourceCitation citation(String symbol, String paragraph) {
        return new SourceCitation(DocumentReference.parse(symbol), paragraph);
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            case 4 -> "fourth";
            default -> "fifth";
        };
    }

    /** Numbers each aggregate's events from zero, as Axon does. */
    private static final class Emitter {
        private final Sink sink;
        private final Map<String, Long> sequences = new HashMap<>();
        private long count;

        Emitter(Sink sink) {
            this.sink = sink;
        }

        void mandateEvent(String aggregateId, Object event) {
            emit(MandateEventTypes.TOPIC, MandateEventTypes.SOURCE, aggregateId, event);
        }

        void meetingEvent(String aggregateId, Object event) {
            emit(MeetingEventTypes.TOPIC, MeetingEventTypes.SOURCE, aggregateId, event);
        }

        private void emit(String topic, String source, String aggregateId, Object event) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            sink.accept(topic, source, aggregateId, sequence, event);
            count++;
        }
    }
}
