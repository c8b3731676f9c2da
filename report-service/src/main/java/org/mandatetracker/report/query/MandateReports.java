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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Mandates as of a date, from the stored views: each mandate's version valid on that date, its deadline already
 * resolved on the same valid time, and its status on that date decided here, the one place that decides it.
 */
@Component
public class MandateReports {

    /** Resolved dates first, earliest first; unresolved and standing ones after, by conferral: the page key. */
    private static final String BY_DUE_DATE = " ORDER BY COALESCE(resolved_due, 'infinity'), conferred_on, mandate_id";
    /** The rows after a page's key, as one row comparison that the due-date index answers. */
    private static final String AFTER_KEY = " AND (COALESCE(m.resolved_due, 'infinity'), m.conferred_on, m.mandate_id)"
            + " > (CAST(:afterDue AS date), :afterConferred, :afterId)";

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

    /**
     * The chosen ones, with the names their body and their session's body had on the date: the first for the row,
     * the second for the deadline in words.
     */
    private static final String NAMED = """
            SELECT chosen.*, own.name AS body_name, b.label AS deadline_body_label FROM (%s) chosen
            LEFT JOIN LATERAL (
              SELECT name FROM body_version
              WHERE body_id = chosen.body_id AND valid_from <= :asOf AND :asOf < valid_to LIMIT 1) own ON true
            LEFT JOIN LATERAL (
              SELECT name || ' (' || short_name || ')' AS label FROM body_version
              WHERE body_id = chosen.deadline_body AND valid_from <= :asOf AND :asOf < valid_to LIMIT 1) b ON true
            """ + BY_DUE_DATE;

    private static final Set<MandateStatus> DUE = EnumSet.of(MandateStatus.OVERDUE, MandateStatus.DUE_SOON);

    private final JdbcClient jdbc;
    private final JsonColumns json;

    public MandateReports(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<MandateReport> matching(MandateQuery query) {
        return named(query).query(this::report).list();
    }

    /**
     * One page of the matching mandates, in due-date order: the page after {@code after} when it is given, else page
     * number {@code page}; how many match in all; and the key the next page starts after, if there is one.
     */
    public Page page(MandateQuery query, PageKey after, int page, int size) {
        long offset = after == null ? (long) page * size : 0;
        List<MandateReport> items = new ArrayList<>(jdbc.sql(NAMED.formatted(valid(query, after, false) + BY_DUE_DATE
                        + " LIMIT :limit OFFSET :offset")).params(parameters(query, after))
                .param("limit", size + 1).param("offset", offset).query(this::report).list());
        boolean more = items.size() > size;
        if (more) {
            items.remove(size);
        }
        long total = after == null && !more && (page == 0 || !items.isEmpty()) ? offset + items.size() : total(query);
        return new Page(items, total, more ? PageKey.of(items.get(size - 1)) : null);
    }

    public record Page(List<MandateReport> items, long total, PageKey next) {
    }

    /** How many mandates match: for the whole list, summed from the versions' start and end days. */
    private long total(MandateQuery query) {
        if (query.statuses().isEmpty() && query.bodyId() == null && query.dueFrom() == null
                && query.dueTo() == null) {
            return jdbc.sql("SELECT COALESCE(sum(delta), 0) FROM mandate_count WHERE day <= :asOf")
                    .param("asOf", query.asOf()).query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) FROM (" + valid(query, null, true) + ") counted")
                .params(parameters(query, null))
                .query(Long.class).single();
    }

    /** Hands each matching mandate, in due-date order, to {@code each} as it is read, so none are held in memory. */
    public void forEach(MandateQuery query, Consumer<MandateReport> each) {
        named(query).query((RowCallbackHandler) rs -> each.accept(report(rs, 0)));
    }

    public Optional<MandateReport> byId(String mandateId, LocalDate asOf) {
        return jdbc.sql(NAMED.formatted(VALID.formatted("AND m.mandate_id = :mandate", "")))
                .params(parameters(MandateQuery.ofBody(null, asOf), null)).param("mandate", mandateId)
                .query(this::report).optional();
    }

    private JdbcClient.StatementSpec named(MandateQuery query) {
        return jdbc.sql(NAMED.formatted(valid(query, null, false) + BY_DUE_DATE)).params(parameters(query, null));
    }

    /**
     * The query with only the conditions asked for, so each plan can use the index that fits. Overdue and due soon
     * are, by the status rule in {@link #VALID}, open versions due by the date plus {@link
     * MandateStatus#DUE_SOON_DAYS}: asking only for them adds that as a condition an open-due index answers. A page
     * states it on the due-date key, so the scan walks the open-due-order index (V22) in page order and stops at the
     * page's end; a count states it on the column, which the open-due index (V21) counts without reading the table. Asking for both, the condition is the status rule itself, and the status filter, which the planner
     * cannot see through, is left out; asking for one, the rule still decides each row's status.
     */
    private static String valid(MandateQuery query, PageKey after, boolean counting) {
        String inner = (query.bodyId() == null ? "" : "AND m.body_id = :body") + (after == null ? "" : AFTER_KEY);
        if (dueOnly(query)) {
            inner += " AND m.closed_as IS NULL AND " + (counting ? "m.resolved_due" : "COALESCE(m.resolved_due, "
                    + "'infinity')") + " <= CAST(:asOf AS date) + :dueSoonDays";
        }
        StringBuilder filters = new StringBuilder();
        if (filtersByStatus(query)) {
            filters.append(" AND status IN (:statuses)");
        }
        if (query.dueFrom() != null) {
            filters.append(" AND resolved_due >= :dueFrom");
        }
        if (query.dueTo() != null) {
            filters.append(" AND resolved_due <= :dueTo");
        }
        return VALID.formatted(inner, filters);
    }

    private static boolean dueOnly(MandateQuery query) {
        return !query.statuses().isEmpty() && DUE.containsAll(query.statuses());
    }

    private static boolean filtersByStatus(MandateQuery query) {
        return !query.statuses().isEmpty() && !query.statuses().equals(DUE);
    }

    private static Map<String, Object> parameters(MandateQuery query, PageKey after) {
        Map<String, Object> params = new HashMap<>();
        if (after != null) {
            params.put("afterDue", after.due() == null ? "infinity" : after.due().toString());
            params.put("afterConferred", after.conferredOn());
            params.put("afterId", after.mandateId());
        }
        params.put("asOf", query.asOf());
        params.put("dueSoonDays", MandateStatus.DUE_SOON_DAYS);
        if (query.bodyId() != null) {
            params.put("body", query.bodyId());
        }
        if (filtersByStatus(query)) {
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
        return new MandateReport(rs.getString("mandate_id"), rs.getString("body_id"), rs.getString("body_name"),
                rs.getString("task"),
                json.read(rs.getString("source"), SourceCitation.class), JsonColumns.date(rs.getDate("conferred_on")),
                deadline, Names.deadline(deadline, label), JsonColumns.date(rs.getDate("resolved_due")),
                Resolution.valueOf(rs.getString("resolution")), rs.getString("session_meeting_id"),
                MandateStatus.valueOf(rs.getString("status")), rs.getBoolean("extended"),
                JsonColumns.date(rs.getDate("closed_on")), json.read(rs.getString("closed_by"), SourceCitation.class),
                json.read(rs.getString("evidence"), Evidence.class), rs.getString("superseded_by"));
    }
}
