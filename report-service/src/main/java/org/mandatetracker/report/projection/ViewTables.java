package org.mandatetracker.report.projection;

import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes aggregates' valid-time versions into the stored views: {@code body_version}, {@code meeting_version} and
 * {@code mandate_version}, or their {@code _next} copies while a rebuild fills them. An aggregate's rows are
 * replaced whole, so refolding is idempotent and a late fact rewrites only its own aggregate's ranges. A mandate's
 * rows carry its deadline resolved against the session's meeting on the same valid time, so answering "as of" needs
 * no join.
 */
@Component
public class ViewTables {

    /** Where an open-ended version ends, as PostgreSQL spells it. */
    private static final String OPEN_ENDED = "COALESCE(CAST(? AS date), 'infinity')";
    private static final Map<AggregateType, String> TABLES = Map.of(
            AggregateType.BODY, "body_version", AggregateType.MANDATE, "mandate_version",
            AggregateType.MEETING, "meeting_version");
    private static final Map<AggregateType, String> KEYS = Map.of(
            AggregateType.BODY, "body_id", AggregateType.MANDATE, "mandate_id", AggregateType.MEETING, "meeting_id");
    private static final Map<AggregateType, String> INSERTS = Map.of(
            AggregateType.BODY, "(body_id, valid_from, valid_to, name, short_name, parent_body_id, dissolved_on) "
                    + "VALUES (?, ?, " + OPEN_ENDED + ", ?, ?, ?, ?)",
            AggregateType.MEETING, "(meeting_id, valid_from, valid_to, body_id, title, session_no, venue, "
                    + "planned_start, planned_end, held_from, held_to, state) "
                    + "VALUES (?, ?, " + OPEN_ENDED + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            AggregateType.MANDATE, "(mandate_id, valid_from, valid_to, body_id, task, source, conferred_on, deadline, "
                    + "deadline_form, deadline_body, deadline_session, resolved_due, resolution, session_meeting_id, "
                    + "extended, closed_as, closed_on, closed_by, evidence, superseded_by) "
                    + "VALUES (?, ?, " + OPEN_ENDED + ", ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)");

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    ViewTables(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored view of aggregates of this type; with {@code suffix} "_next", the copy a rebuild fills. */
    public static String table(AggregateType type, String suffix) {
        return TABLES.get(type) + suffix;
    }

    /** The tables a rebuild fills anew and swaps in. */
    public static List<String> tables() {
        return List.of("body_version", "meeting_version", "mandate_version", "mandate_count");
    }

    /** Refolds these aggregates from their facts (each one's in its own order) and replaces their rows, now. */
    public void replace(AggregateType type, Map<String, List<StoredFact>> factsById, String suffix) {
        if (factsById.isEmpty()) {
            return;
        }
        String delete = "DELETE FROM " + table(type, suffix) + " WHERE " + KEYS.get(type) + " = ANY (?)";
        Object ids = factsById.keySet().toArray(String[]::new);
        Batch batch = batch(suffix);
        if (type == AggregateType.MANDATE) {
            jdbc.query(delete + " RETURNING valid_from, NULLIF(valid_to, 'infinity')", (RowCallbackHandler) rs ->
                    batch.counted(rs.getDate(1).toLocalDate(), JsonColumns.date(rs.getDate(2)), -1), ids);
        } else {
            jdbc.update(delete, ids);
        }
        factsById.values().forEach(facts -> batch.add(type, facts));
        batch.flush();
    }

    /** Rows to insert in JDBC batches, for aggregates that have no rows yet. */
    public Batch batch(String suffix) {
        return new Batch(suffix);
    }

    /**
     * The mandates whose deadline waits on one of these meetings' sessions, so that they are resolved again when
     * those change.
     */
    public List<String> mandatesWaitingOn(Collection<String> meetingIds, String suffix) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT DISTINCT w.mandate_id FROM " + table(AggregateType.MANDATE, suffix) + " w "
                + "JOIN " + table(AggregateType.MEETING, suffix) + " m ON w.deadline_body = m.body_id "
                + "AND w.deadline_session = m.session_no WHERE m.meeting_id = ANY (?)", String.class,
                (Object) meetingIds.toArray(String[]::new));
    }

    public final class Batch {

        private static final int FLUSH_AT = 500;

        private final String suffix;
        private final Map<AggregateType, List<Object[]>> rows = new EnumMap<>(AggregateType.class);
        private final List<Version<MandateState>> mandates = new ArrayList<>();
        /** Changes to {@code mandate_count}: versions starting (+1) and ending (-1) on each day. */
        private final Map<LocalDate, Long> counts = new TreeMap<>();

        private Batch(String suffix) {
            this.suffix = suffix;
        }

        /** Folds one aggregate's facts (in its own order) into versions and queues their rows. */
        public void add(AggregateType type, List<StoredFact> facts) {
            switch (type) {
                case BODY -> Version.of(facts, d -> BodyFold.asOf(facts, d)).forEach(v -> queue(type, body(v)));
                case MEETING -> Version.of(facts, d -> MeetingFold.asOf(facts, d))
                        .forEach(v -> queue(type, meeting(v)));
                case MANDATE -> mandates.addAll(Version.of(facts, d -> MandateFold.asOf(facts, d)));
            }
            if (rows.values().stream().mapToInt(List::size).sum() + mandates.size() >= FLUSH_AT) {
                flush();
            }
        }

        private void queue(AggregateType type, Object[] row) {
            rows.computeIfAbsent(type, t -> new ArrayList<>()).add(row);
        }

        /**
         * Writes what is queued. Mandates go last, their deadlines resolved against the sessions' versions as the
         * tables hold them then, one version of a mandate split wherever its resolution changes.
         */
        public void flush() {
            rows.forEach((type, queued) -> {
                if (!queued.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO " + table(type, suffix) + " " + INSERTS.get(type), queued);
                    queued.clear();
                }
            });
            if (!mandates.isEmpty()) {
                Map<List<Object>, List<SessionMeeting>> sessions = sessionsOf(mandates);
                List<Object[]> resolved = new ArrayList<>();
                for (Version<MandateState> v : mandates) {
                    Deadline d = v.state().deadline();
                    List<SessionMeeting> session = sessions.getOrDefault(sessionKey(d), List.of());
                    DeadlineResolution.over(d, v.validFrom(), v.validTo(), session).forEach(piece -> {
                        resolved.add(mandate(v.state(), piece));
                        counted(piece.validFrom(), piece.validTo(), 1);
                    });
                }
                jdbc.batchUpdate("INSERT INTO " + table(AggregateType.MANDATE, suffix) + " "
                        + INSERTS.get(AggregateType.MANDATE), resolved);
                mandates.clear();
            }
            if (!counts.isEmpty()) {
                String table = "mandate_count" + suffix;
                jdbc.batchUpdate("INSERT INTO " + table + " (day, delta) VALUES (?, ?) ON CONFLICT (day) "
                        + "DO UPDATE SET delta = " + table + ".delta + excluded.delta", counts.entrySet().stream()
                        .map(c -> new Object[]{date(c.getKey()), c.getValue()}).toList());
                counts.clear();
            }
        }

        /** A version [from, to) added (+1) or removed (-1); an open-ended one never ends. */
        private void counted(LocalDate from, LocalDate to, int sign) {
            counts.merge(from, (long) sign, Long::sum);
            if (to != null) {
                counts.merge(to, (long) -sign, Long::sum);
            }
        }

        /** Every version of the meetings holding the sessions these mandates wait on, in one query. */
        private Map<List<Object>, List<SessionMeeting>> sessionsOf(List<Version<MandateState>> versions) {
            Set<List<Object>> keys = new LinkedHashSet<>();
            versions.forEach(v -> {
                List<Object> key = sessionKey(v.state().deadline());
                if (key != null) {
                    keys.add(key);
                }
            });
            Map<List<Object>, List<SessionMeeting>> sessions = new HashMap<>();
            if (keys.isEmpty()) {
                return sessions;
            }
            Object bodies = keys.stream().map(k -> (String) k.get(0)).toArray(String[]::new);
            Object numbers = keys.stream().map(k -> (Integer) k.get(1)).toArray(Integer[]::new);
            jdbc.query("SELECT body_id, session_no, meeting_id, valid_from, "
                    + "CASE WHEN valid_to = 'infinity' THEN NULL ELSE valid_to END AS valid_to, state, "
                    + "COALESCE(held_from, planned_start) AS opens_on FROM " + table(AggregateType.MEETING, suffix)
                    + " WHERE (body_id, session_no) IN (SELECT * FROM unnest(?::text[], ?::int[]))",
                    (RowCallbackHandler) rs -> sessions
                    .computeIfAbsent(List.of(rs.getString("body_id"), rs.getInt("session_no")), k -> new ArrayList<>())
                    .add(new SessionMeeting(rs.getString("meeting_id"), rs.getDate("valid_from").toLocalDate(),
                            JsonColumns.date(rs.getDate("valid_to")),
                            MeetingState.Status.valueOf(rs.getString("state")),
                            rs.getDate("opens_on").toLocalDate())), bodies, numbers);
            return sessions;
        }
    }

    /** The session a deadline waits on, as (body, number), or {@code null} for the dated and standing forms. */
    private static List<Object> sessionKey(Deadline deadline) {
        if (deadline instanceof Deadline.BeforeSession b) {
            return List.of(b.bodyId(), b.session());
        }
        return deadline instanceof Deadline.AtSession a ? List.of(a.bodyId(), a.session()) : null;
    }

    private static Object[] body(Version<BodyState> v) {
        BodyState b = v.state();
        return new Object[]{b.bodyId(), date(v.validFrom()), date(v.validTo()), b.name(), b.shortName(),
                b.parentBodyId(), date(b.dissolvedOn())};
    }

    private static Object[] meeting(Version<MeetingState> v) {
        MeetingState m = v.state();
        return new Object[]{m.meetingId(), date(v.validFrom()), date(v.validTo()), m.bodyId(), m.title(),
                m.session(), m.venue(), date(m.plannedStart()), date(m.plannedEnd()), date(m.heldFrom()),
                date(m.heldTo()), m.status().name()};
    }

    private Object[] mandate(MandateState m, Version<ResolvedDeadline> piece) {
        Deadline d = m.deadline();
        List<Object> session = sessionKey(d);
        ResolvedDeadline resolved = piece.state();
        return new Object[]{m.mandateId(), date(piece.validFrom()), date(piece.validTo()), m.bodyId(), m.task(),
                json.write(m.source()), date(m.conferredOn()), json.write(d), form(d), d.sessionBodyId(),
                session == null ? null : session.get(1), date(resolved.due()), resolved.resolution().name(),
                resolved.meetingId(), m.extended(), m.closure() == null ? null : m.closure().name(),
                date(m.closedOn()), m.closedBy() == null ? null : json.write(m.closedBy()),
                m.evidence() == null ? null : json.write(m.evidence()), m.supersededBy()};
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** The deadline's form, as its JSON names it. */
    private static String form(Deadline deadline) {
        if (deadline instanceof Deadline.OnDate) {
            return "on-date";
        }
        if (deadline instanceof Deadline.BeforeSession) {
            return "before-session";
        }
        return deadline instanceof Deadline.AtSession ? "at-session" : "standing";
    }
}
