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
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.report.projection.AggregateType;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.projection.StoredFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
            ), chosen AS (
              SELECT position FROM selected UNION SELECT position FROM depending
            )
            """.formatted(ESTABLISHING, AggregateType.MEETING.viewFacts);

    private static final String TIMELINE = """
            WITH chosen AS (SELECT position FROM fact WHERE body_id = :body AND occurred_on <= :asOf)
            """;

    /**
     * A page of the chosen facts in history order. A correction's anchor is what it corrects, when that is chosen
     * too: the correction sorts as its anchor does, right after it. Adoptions come first on their day; the last keys
     * are the fact log's own order, so that every page boundary is stable.
     */
    private static final String PAGE = """
            SELECT f.*, a.event_id AS corrects FROM fact f
            LEFT JOIN LATERAL (
              SELECT c.* FROM fact c
              WHERE f.event_type IN ('%1$s', '%2$s') AND c.position IN (SELECT position FROM chosen)
                AND ((f.event_type = '%1$s' AND c.event_type = '%3$s' AND c.body_id = f.body_id)
                  OR (f.event_type = '%2$s' AND c.aggregate_id = f.meeting_id
                      AND c.event_type = CASE f.payload->>'which' WHEN 'HELD' THEN '%4$s' ELSE '%5$s' END))
              ORDER BY c.occurred_on, c.recorded_at, c.event_id LIMIT 1) a ON true
            WHERE f.position IN (SELECT position FROM chosen)
            ORDER BY COALESCE(a.occurred_on, f.occurred_on) %%1$s,
                     (COALESCE(a.event_type, f.event_type) <> '%6$s') %%1$s,
                     COALESCE(a.recorded_at, f.recorded_at) %%1$s, COALESCE(a.position, f.position) %%1$s,
                     (a.position IS NOT NULL) %%1$s, f.recorded_at %%1$s, f.occurred_on %%1$s, f.event_id %%1$s
            LIMIT :limit OFFSET :offset
            """.formatted(MandateEventTypes.typeOf(BodyEstablishmentCorrected.class),
            MeetingEventTypes.typeOf(MeetingDatesCorrected.class), MandateEventTypes.typeOf(BodyEstablished.class),
            MeetingEventTypes.typeOf(MeetingHeld.class), MeetingEventTypes.typeOf(MeetingScheduled.class),
            MeetingEventTypes.typeOf(DecisionAdopted.class));

    /** Which page of a history, and which way it runs: oldest first, or (newestFirst) the exact reverse. */
    public record Page(int number, int size, boolean newestFirst) {
    }

    private record Row(StoredFact fact, String corrects) {
    }

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
    public List<HistoryEntry> ofDecision(DocumentReference decision, LocalDate asOf, Page page) {
        return entries(DECISION, Map.of("ref", decision.value()), asOf, page);
    }

    /** Everything recorded about the body, up to {@code asOf}: its own facts, its mandates and its meetings. */
    public List<HistoryEntry> timelineOf(String bodyId, LocalDate asOf, Page page) {
        return entries(TIMELINE, Map.of("body", bodyId), asOf, page);
    }

    private List<HistoryEntry> entries(String chosen, Map<String, Object> params, LocalDate asOf, Page page) {
        List<Row> rows = jdbc.sql(chosen + PAGE.formatted(page.newestFirst() ? "DESC" : "ASC"))
                .params(params).param("asOf", asOf).param("limit", page.size())
                .param("offset", (long) page.number() * page.size())
                .query((rs, n) -> new Row(facts.toFact(rs, n), rs.getString("corrects"))).list();
        Names names = Names.of(rows.stream().map(Row::fact).toList(), asOf, jdbc);
        return rows.stream().map(row -> {
            StoredFact f = row.fact();
            return new HistoryEntry(f.eventId(), f.type(), Summaries.of(f.event(), names), f.occurredOn(),
                    f.recordedAt(), f.recordedBy(), f.source(), row.corrects(), f.bodyId(),
                    f.event() instanceof MandateEvent m ? m.mandateId() : null,
                    f.event() instanceof MeetingEvent m ? m.meetingId() : null);
        }).toList();
    }
}
