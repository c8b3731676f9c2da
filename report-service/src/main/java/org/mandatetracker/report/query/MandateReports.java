package org.mandatetracker.report.query;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.report.projection.ResolvedDeadline.Resolution;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Mandates as of a date, from the stored views: each mandate's version valid on that date, its deadline already
 * resolved on the same valid time, and its status on that date decided here, the one place that decides it.
 */
@Component
public class MandateReports {

    /** Resolved dates first, earliest first; unresolved and standing ones after, by conferral. */
    private static final String BY_DUE_DATE = " ORDER BY resolved_due NULLS LAST, conferred_on, mandate_id";

    /** Each mandate's version valid on the date, with its status on that date. */
    private static final String VALID = """
            SELECT * FROM (
              SELECT m.*,
                CASE WHEN closed_as IS NOT NULL THEN closed_as
                     WHEN deadline_form = 'standing' THEN 'STANDING'
                     WHEN resolved_due < :asOf THEN 'OVERDUE'
                     WHEN resolved_due - :asOf <= :dueSoonDays THEN 'DUE_SOON'
                     WHEN extended THEN 'EXTENDED'
                     ELSE 'OPEN'
                END AS status
              FROM mandate_version m
              WHERE m.valid_from <= :asOf AND :asOf < m.valid_to %s
            ) valid WHERE true %s""";

    /** The chosen ones, with the name their session's body had on the date, for the deadline in words. */
    private static final String NAMED = """
            SELECT chosen.*, b.label AS deadline_body_label FROM (%s) chosen
            LEFT JOIN LATERAL (
              SELECT name || ' (' || short_name || ')' AS label FROM body_version
              WHERE body_id = chosen.deadline_body AND valid_from <= :asOf AND :asOf < valid_to LIMIT 1) b ON true
            """ + BY_DUE_DATE;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    public MandateReports(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<MandateReport> matching(MandateQuery query) {
        return named(query, "").query(this::report).list();
    }

    /** One page of the matching mandates, in due-date order, and how many match in all. */
    public Page page(MandateQuery query, int page, int size) {
        List<MandateReport> items = named(query, " LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (long) page * size)
                .query(this::report).list();
        long total = items.isEmpty() || items.size() == size
                ? jdbc.sql("SELECT count(*) FROM (" + valid(query) + ") counted").params(parameters(query))
                .query(Long.class).single()
                : (long) page * size + items.size();
        return new Page(items, total);
    }

    public record Page(List<MandateReport> items, long total) {
    }

    /** Hands each matching mandate, in due-date order, to {@code each} as it is read, so none are held in memory. */
    public void forEach(MandateQuery query, Consumer<MandateReport> each) {
        named(query, "").query((RowCallbackHandler) rs -> each.accept(report(rs, 0)));
    }

    public Optional<MandateReport> byId(String mandateId, LocalDate asOf) {
        return jdbc.sql(NAMED.formatted(VALID.formatted("AND m.mandate_id = :mandate", "")))
                .params(parameters(MandateQuery.ofBody(null, asOf))).param("mandate", mandateId)
                .query(this::report).optional();
    }

    private JdbcClient.StatementSpec named(MandateQuery query, String limit) {
        return jdbc.sql(NAMED.formatted(valid(query) + BY_DUE_DATE + limit)).params(parameters(query));
    }

    /** The query with only the conditions asked for, so each plan can use the index that fits. */
    private static String valid(MandateQuery query) {
        StringBuilder filters = new StringBuilder();
        if (!query.statuses().isEmpty()) {
            filters.append(" AND status IN (:statuses)");
        }
        if (query.dueFrom() != null) {
            filters.append(" AND resolved_due >= :dueFrom");
        }
        if (query.dueTo() != null) {
            filters.append(" AND resolved_due <= :dueTo");
        }
        return VALID.formatted(query.bodyId() == null ? "" : "AND m.body_id = :body", filters);
    }

    private static Map<String, Object> parameters(MandateQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", query.asOf());
        params.put("dueSoonDays", MandateStatus.DUE_SOON_DAYS);
        if (query.bodyId() != null) {
            params.put("body", query.bodyId());
        }
        if (!query.statuses().isEmpty()) {
            params.put("statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.dueFrom() != null) {
            params.put("dueFrom", query.dueFrom());
        }
        if (query.dueTo() != null) {
            params.put("dueTo", query.dueTo());
        }
        return params;
    }

    private MandateReport report(ResultSet rs, int row) throws SQLException {
        Deadline deadline = json.read(rs.getString("deadline"), Deadline.class);
        String label = rs.getString("deadline_body_label");
        return new MandateReport(rs.getString("mandate_id"), rs.getString("body_id"), rs.getString("task"),
                json.read(rs.getString("source"), SourceCitation.class), JsonColumns.date(rs.getDate("conferred_on")),
                deadline, Names.deadline(deadline, label), JsonColumns.date(rs.getDate("resolved_due")),
                Resolution.valueOf(rs.getString("resolution")), rs.getString("session_meeting_id"),
                MandateStatus.valueOf(rs.getString("status")), rs.getBoolean("extended"),
                JsonColumns.date(rs.getDate("closed_on")), json.read(rs.getString("closed_by"), SourceCitation.class),
                json.read(rs.getString("evidence"), Evidence.class), rs.getString("superseded_by"));
    }
}
