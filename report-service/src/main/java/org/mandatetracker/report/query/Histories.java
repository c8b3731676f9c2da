package org.mandatetracker.report.query;

import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEvent;
import org.mandatetracker.report.projection.AggregateType;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.projection.StoredFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decision histories and body timelines: facts in real-world order, a decision's adoption before what happened the
 * same day, then by when they were recorded; each correction is listed right after what it corrects.
 */
@Component
public class Histories {

    private static final String ESTABLISHING = "('" + MandateEventTypes.typeOf(BodyEstablished.class) + "', '"
            + MandateEventTypes.typeOf(BodyEstablishmentCorrected.class) + "')";

    /**
     * Through the indexes on what facts cite and what they are about: the facts citing the decision, those about the
     * bodies it established, and the lifecycle of the sessions their mandates' deadlines wait on.
     */
    private static final String DECISION = """
            WITH citing AS (
              SELECT position, body_id, event_type FROM fact WHERE source_document = :ref AND occurred_on <= :asOf
              UNION ALL
              SELECT position, body_id, event_type FROM fact WHERE decision_ref = :ref AND occurred_on <= :asOf
            ), about AS (
              SELECT position FROM fact
              WHERE body_id IN (SELECT body_id FROM citing WHERE event_type IN %s) AND occurred_on <= :asOf
            ), selected AS (
              SELECT position FROM citing UNION SELECT position FROM about
            ), sessions AS (
              SELECT DISTINCT mv.deadline_body, mv.deadline_session
              FROM (SELECT DISTINCT f.mandate_id FROM fact f JOIN selected USING (position)) m
              CROSS JOIN LATERAL (SELECT deadline_body, deadline_session FROM mandate_version
                                  WHERE mandate_id = m.mandate_id AND deadline_session IS NOT NULL
                                    AND valid_from <= :asOf) mv
            ), meetings AS (
              SELECT DISTINCT g.meeting_id FROM sessions s
              CROSS JOIN LATERAL (SELECT meeting_id FROM meeting_version
                                  WHERE body_id = s.deadline_body AND session_no = s.deadline_session
                                    AND valid_from <= :asOf) g
            ), depending AS (
              SELECT f.position FROM meetings g
              CROSS JOIN LATERAL (SELECT position FROM fact
                                  WHERE meeting_id = g.meeting_id AND event_type LIKE '%s'
                                    AND occurred_on <= :asOf) f
            )
            SELECT * FROM fact WHERE position IN (SELECT position FROM selected UNION SELECT position FROM depending)
            ORDER BY occurred_on, recorded_at, event_id
            """.formatted(ESTABLISHING, AggregateType.MEETING.viewFacts);

    private final JdbcClient jdbc;
    private final FactLog facts;

    public Histories(JdbcClient jdbc, FactLog facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /**
     * Every fact citing the decision (including its adoption), and every fact about the bodies it established: their
     * mandates, whatever decision conferred them, and their meetings and what those produced; and the scheduling of
     * the sessions those mandates are due by; up to {@code asOf}.
     */
    public List<HistoryEntry> ofDecision(DocumentReference decision, LocalDate asOf) {
        return entries(jdbc.sql(DECISION).param("ref", decision.value()).param("asOf", asOf)
                .query(facts::toFact).list(), asOf);
    }

    /** Everything recorded about the body, up to {@code asOf}: its own facts, its mandates and its meetings. */
    public List<HistoryEntry> timelineOf(String bodyId, LocalDate asOf) {
        return entries(facts.where("body_id = ? AND occurred_on <= ?", bodyId, asOf), asOf);
    }

    private List<HistoryEntry> entries(List<StoredFact> selected, LocalDate asOf) {
        Names names = Names.of(selected, asOf, jdbc);
        Map<String, StoredFact> anchors = selected.stream()
                .collect(Collectors.toMap(StoredFact::eventId, f -> corrected(f, selected).orElse(f)));
        Comparator<StoredFact> order = Comparator
                .comparing((StoredFact f) -> anchors.get(f.eventId()).occurredOn())
                .thenComparing(f -> !(anchors.get(f.eventId()).event() instanceof DecisionAdopted))
                .thenComparing(f -> anchors.get(f.eventId()).recordedAt())
                .thenComparingLong(f -> anchors.get(f.eventId()).position())
                .thenComparing(f -> anchors.get(f.eventId()) != f)
                .thenComparing(StoredFact::recordedAt);
        return selected.stream().sorted(order).map(f -> new HistoryEntry(f.eventId(), f.type(),
                Summaries.of(f.event(), names), f.occurredOn(), f.recordedAt(), f.recordedBy(), f.source(),
                anchors.get(f.eventId()) == f ? null : anchors.get(f.eventId()).eventId(), f.bodyId(),
                f.event() instanceof MandateEvent m ? m.mandateId() : null,
                f.event() instanceof MeetingEvent m ? m.meetingId() : null)).toList();
    }
    /** For a correcting fact, the fact it corrects, if that is among those listed. */
    private static Optional<StoredFact> corrected(StoredFact fact, List<StoredFact> among) {
        Object e = fact.event();
        if (e instanceof BodyEstablishmentCorrected c) {
            return among.stream().filter(f -> f.event() instanceof BodyEstablished b && b.bodyId().equals(c.bodyId()))
                    .findFirst();
        }
        if (e instanceof MeetingDatesCorrected c) {
            Class<?> kind = c.which() == MeetingDatesCorrected.Dates.HELD ? MeetingHeld.class : MeetingScheduled.class;
            return among.stream().filter(f -> kind.isInstance(f.event()) && f.aggregateId().equals(c.meetingId()))
                    .findFirst();
        }
        return Optional.empty();
    }
}
