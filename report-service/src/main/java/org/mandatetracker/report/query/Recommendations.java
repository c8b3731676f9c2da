package org.mandatetracker.report.query;

import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.report.projection.FactLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Recommendations adopted by a date, optionally by one body's meetings and since a date, oldest first (or newest
 * first), a page at a time; each with its meeting's title as of that date.
 */
@Component
public class Recommendations {

    private static final String SQL = """
            SELECT f.*, mv.title FROM fact f
            LEFT JOIN meeting_version mv
              ON mv.meeting_id = f.meeting_id AND mv.valid_from <= :asOf AND :asOf < mv.valid_to
            WHERE f.event_type = '%s' AND f.occurred_on <= :asOf %s
            ORDER BY f.occurred_on %3$s, f.recorded_at %3$s, f.event_id %3$s LIMIT :limit OFFSET :offset""";

    private final JdbcClient jdbc;
    private final FactLog facts;

    public Recommendations(JdbcClient jdbc, FactLog facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    public List<RecommendationView> adopted(String bodyId, LocalDate since, LocalDate asOf, boolean newestFirst,
                                            int page, int size) {
        String filters = (bodyId == null ? "" : " AND f.body_id = :body")
                + (since == null ? "" : " AND f.occurred_on >= :since");
        var statement = jdbc.sql(SQL.formatted(MeetingEventTypes.typeOf(RecommendationAdopted.class), filters,
                        newestFirst ? "DESC" : "ASC"))
                .param("asOf", asOf).param("limit", size).param("offset", (long) page * size);
        if (bodyId != null) {
            statement = statement.param("body", bodyId);
        }
        if (since != null) {
            statement = statement.param("since", since);
        }
        return statement.query((rs, row) -> {
            RecommendationAdopted r = (RecommendationAdopted) facts.toFact(rs, row).event();
            String title = rs.getString("title");
            return new RecommendationView(r.recommendationId(), r.bodyId(), r.text(), r.addressee(), r.meetingId(),
                    title != null ? title : "meeting " + r.meetingId(), r.paragraph(), r.reportSymbol(),
                    r.occurredOn(), r.source());
        }).list();
    }
}
