package org.mandatetracker.meeting.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.mandatetracker.support.jdbc.JsonColumns.date;

/** Reads the local views. */
@Component
public class MeetingQueries {

    private final JdbcClient jdbc;
    private final JsonColumns json;

    public MeetingQueries(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Meetings of a body (or of all bodies when {@code bodyId} is null) whose dates, held or else planned, overlap
     * the period from {@code from} to {@code to}, either of which may be open.
     */
    /** At most {@code limit} meetings in date order, after the first {@code offset}. */
    public List<MeetingView> meetings(String bodyId, LocalDate from, LocalDate to, long offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM meeting_view
                        WHERE (CAST(:body AS varchar) IS NULL OR body_id = :body)
                          AND (CAST(:from AS date) IS NULL OR COALESCE(held_to, planned_end) >= :from)
                          AND (CAST(:to AS date) IS NULL OR COALESCE(held_from, planned_start) <= :to)
                        ORDER BY COALESCE(held_from, planned_start), meeting_id
                        LIMIT :limit OFFSET :offset""")
                .param("body", bodyId).param("from", from).param("to", to)
                .param("limit", limit).param("offset", offset)
                .query(meetingRow()).list();
    }

    public Optional<MeetingView> meeting(String meetingId) {
        return jdbc.sql("SELECT * FROM meeting_view WHERE meeting_id = ?").param(meetingId).query(meetingRow())
                .optional().map(this::withOutcomes);
    }

    public Optional<MeetingView> session(String bodyId, int session) {
        return jdbc.sql("SELECT * FROM meeting_view WHERE body_id = ? AND session = ? AND status <> 'CANCELLED'")
                .params(bodyId, session).query(meetingRow()).optional().map(this::withOutcomes);
    }

    private MeetingView withOutcomes(MeetingView meeting) {
        return meeting.withOutcomes(outcomes(meeting.id(), "DECISION"), outcomes(meeting.id(), "RECOMMENDATION"),
                outcomes(meeting.id(), "DOCUMENT"));
    }

    private List<JsonNode> outcomes(String meetingId, String kind) {
        return jdbc.sql("""
                        SELECT record FROM meeting_outcome WHERE meeting_id = ? AND kind = ?
                        ORDER BY occurred_on, outcome_key""")
                .params(meetingId, kind).query((rs, n) -> json.read(rs.getString(1), JsonNode.class)).list();
    }

    private RowMapper<MeetingView> meetingRow() {
        return (rs, n) -> new MeetingView(rs.getString("meeting_id"), rs.getString("body_id"), rs.getString("title"),
                (Integer) rs.getObject("session"), MeetingKind.valueOf(rs.getString("kind")), rs.getString("venue"),
                date(rs.getDate("planned_start")), date(rs.getDate("planned_end")),
                MeetingView.Status.valueOf(rs.getString("status")), date(rs.getDate("held_from")),
                date(rs.getDate("held_to")), json.read(rs.getString("scheduled_by"), SourceCitation.class), List.of(),
                List.of(), List.of());
    }
}
