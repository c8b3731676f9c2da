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

import java.util.List;
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

    public List<BodyView> bodies() {
        return jdbc.sql("SELECT * FROM body_view ORDER BY name, body_id").query(bodyRow()).list();
    }

    public Optional<BodyView> body(String bodyId) {
        return jdbc.sql("SELECT * FROM body_view WHERE body_id = ?").param(bodyId).query(bodyRow()).optional();
    }

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
                BodyKind.valueOf(rs.getString("kind")), rs.getString("parent_body_id"), rs.getBoolean("open_ended"),
                rs.getBoolean("interim"), rs.getString("chair_arrangement"),
                json.read(rs.getString("legal_basis"), STRINGS), date(rs.getDate("established_on")),
                json.read(rs.getString("established_by"), SourceCitation.class), date(rs.getDate("dissolved_on")),
                json.read(rs.getString("dissolved_by"), SourceCitation.class));
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
