package org.mandatetracker.report.projection;

import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes aggregates' valid-time versions into the stored views: {@code body_version}, {@code meeting_version} and
 * {@code mandate_version}, or their {@code _next} copies while a rebuild fills them. An aggregate's rows are
 * replaced whole, so refolding is idempotent and a late fact rewrites only its own aggregate's ranges.
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
                    + "deadline_form, deadline_date, deadline_body, deadline_session, extended, closed_as, closed_on, "
                    + "closed_by, evidence, superseded_by) "
                    + "VALUES (?, ?, " + OPEN_ENDED + ", ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, "
                    + "?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)");

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

    public static List<String> tables() {
        return List.of("body_version", "meeting_version", "mandate_version");
    }

    /** Refolds one aggregate from its facts (in its own order) and replaces its rows, now. */
    public void replace(AggregateType type, String aggregateId, List<StoredFact> facts, String suffix) {
        jdbc.update("DELETE FROM " + table(type, suffix) + " WHERE " + KEYS.get(type) + " = ?", aggregateId);
        Batch batch = batch(suffix);
        batch.add(type, facts);
        batch.flush();
    }

    /** Rows to insert in JDBC batches, for aggregates that have no rows yet. */
    public Batch batch(String suffix) {
        return new Batch(suffix);
    }

    public final class Batch {

        private static final int FLUSH_AT = 500;

        private final String suffix;
        private final Map<AggregateType, List<Object[]>> rows = new EnumMap<>(AggregateType.class);
        private int pending;

        private Batch(String suffix) {
            this.suffix = suffix;
        }

        /** Folds one aggregate's facts (in its own order) into versions and queues their rows. */
        public void add(AggregateType type, List<StoredFact> facts) {
            List<Object[]> queue = rows.computeIfAbsent(type, t -> new ArrayList<>());
            switch (type) {
                case BODY -> Version.of(facts, d -> BodyFold.asOf(facts, d)).forEach(v -> queue.add(body(v)));
                case MANDATE -> Version.of(facts, d -> MandateFold.asOf(facts, d)).forEach(v -> queue.add(mandate(v)));
                case MEETING -> Version.of(facts, d -> MeetingFold.asOf(facts, d)).forEach(v -> queue.add(meeting(v)));
            }
            pending = rows.values().stream().mapToInt(List::size).sum();
            if (pending >= FLUSH_AT) {
                flush();
            }
        }

        public void flush() {
            rows.forEach((type, queued) -> {
                if (!queued.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO " + table(type, suffix) + " " + INSERTS.get(type), queued);
                    queued.clear();
                }
            });
            pending = 0;
        }
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

    private Object[] mandate(Version<MandateState> v) {
        MandateState m = v.state();
        Deadline d = m.deadline();
        Integer session = d instanceof Deadline.BeforeSession b ? Integer.valueOf(b.session())
                : d instanceof Deadline.AtSession a ? Integer.valueOf(a.session()) : null;
        LocalDate on = d instanceof Deadline.OnDate dated ? dated.date() : null;
        return new Object[]{m.mandateId(), date(v.validFrom()), date(v.validTo()), m.bodyId(), m.task(),
                json.write(m.source()), date(m.conferredOn()), json.write(d), form(d), date(on), d.sessionBodyId(),
                session, m.extended(), m.closure() == null ? null : m.closure().name(), date(m.closedOn()),
                m.closedBy() == null ? null : json.write(m.closedBy()),
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
