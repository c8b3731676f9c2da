package org.mandatetracker.mandate.query;

import com.fasterxml.jackson.core.type.TypeReference;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mandatetracker.support.jdbc.JsonColumns.date;

/** Reads the local views. */
@Component
public class MandateQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonColumns json;

    public MandateQueries(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Which bodies to list: those named by id, those matching a text (name or short name containing it, the body's
     * id, or the decision that established it), those directly under one parent, or those under none known; each may
     * be empty, null or false.
     */
    public record BodyFilter(List<String> ids, String text, String parentId, boolean topLevel) {
    }

    /**
     * One page of the bodies the filter selects, by name, each with how many bodies are directly under it. Only the
     * conditions asked for are in the statement, so that each plan can use the index that fits.
     */
    public List<BodyView> bodies(BodyFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (!filter.ids().isEmpty()) {
            where.append(" AND b.body_id IN (:ids)");
            params.put("ids", filter.ids());
        }
        if (filter.text() != null) {
            where.append(" AND (b.name ILIKE :contains OR b.short_name ILIKE :contains"
                    + " OR b.established_by ->> 'document' = :text OR b.body_id = :text)");
            params.put("text", filter.text());
            params.put("contains", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.parentId() != null) {
            where.append(" AND b.parent_body_id = :parent");
            params.put("parent", filter.parentId());
        }
        if (filter.topLevel()) {
            where.append(" AND (b.parent_body_id IS NULL"
                    + " OR NOT EXISTS (SELECT 1 FROM body_view p WHERE p.body_id = b.parent_body_id))");
        }
        params.put("size", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(BODY_WITH_CHILDREN + where + " ORDER BY b.name, b.body_id LIMIT :size OFFSET :offset")
                .params(params).query(bodyRow()).list();
    }

    public Optional<BodyView> body(String bodyId) {
        return jdbc.sql(BODY_WITH_CHILDREN + " WHERE b.body_id = ?").param(bodyId).query(bodyRow()).optional();
    }

    private static final String BODY_WITH_CHILDREN = """
            SELECT b.*, (SELECT count(*) FROM body_view c WHERE c.parent_body_id = b.body_id) AS children,
                   (SELECT p.name FROM body_view p WHERE p.body_id = b.parent_body_id) AS parent_name
              FROM body_view b
            """;

    public List<MandateView> mandatesOf(String bodyId) {
        return jdbc.sql("SELECT * FROM mandate_view WHERE body_id = ? ORDER BY conferred_on, mandate_id")
                .param(bodyId).query(mandateRow()).list();
    }

    public Optional<MandateView> mandate(String mandateId) {
        return jdbc.sql("SELECT * FROM mandate_view WHERE mandate_id = ?").param(mandateId).query(mandateRow())
                .optional();
    }

    private RowMapper<BodyView> bodyRow() {
        return (rs, n) -> new BodyView(rs.getString("body_id"), rs.getString("name"), rs.getString("short_name"),
                BodyKind.valueOf(rs.getString("kind")), rs.getString("parent_body_id"), rs.getString("parent_name"),
                rs.getBoolean("open_ended"),
                rs.getBoolean("interim"), rs.getString("chair_arrangement"),
                json.read(rs.getString("legal_basis"), STRINGS), date(rs.getDate("established_on")),
                json.read(rs.getString("established_by"), SourceCitation.class), date(rs.getDate("dissolved_on")),
                json.read(rs.getString("dissolved_by"), SourceCitation.class), rs.getInt("children"));
    }

    private RowMapper<MandateView> mandateRow() {
        return (rs, n) -> new MandateView(rs.getString("mandate_id"), rs.getString("body_id"), rs.getString("task"),
                json.read(rs.getString("deadline"), Deadline.class), date(rs.getDate("conferred_on")),
                json.read(rs.getString("source"), SourceCitation.class),
                MandateView.Recording.valueOf(rs.getString("recording")), date(rs.getDate("closed_on")),
                json.read(rs.getString("closed_by"), SourceCitation.class),
                json.read(rs.getString("evidence"), Evidence.class), rs.getString("superseded_by"));
    }
}
