package org.mandatetracker.report.query;

import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.meeting.api.MeetingEvent;
import org.mandatetracker.report.projection.StoredFact;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What to call the bodies, meetings and mandates some facts mention, as they were named on a date; looked up from
 * the stored views for just those, in one query.
 */
final class Names {

    /**
     * One statement of one shape whatever the number of ids, so that the driver prepares it on each connection and
     * PostgreSQL can reuse its plan; a placeholder per id made a new statement for every count, parsed and planned
     * each time.
     */
    private static final String NAMED = """
            SELECT 'body', body_id, name || ' (' || short_name || ')' FROM body_version
            WHERE body_id = ANY (:bodies) AND valid_from <= :asOf AND :asOf < valid_to
            UNION ALL
            SELECT 'meeting', meeting_id, title FROM meeting_version
            WHERE meeting_id = ANY (:meetings) AND valid_from <= :asOf AND :asOf < valid_to
            UNION ALL
            SELECT 'mandate', mandate_id, task FROM mandate_version
            WHERE mandate_id = ANY (:mandates) AND valid_from <= :asOf AND :asOf < valid_to""";

    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> meetings = new HashMap<>();
    private final Map<String, String> mandates = new HashMap<>();

    private Names() {
    }

    /** The names, as of {@code asOf}, of everything the facts mention. */
    static Names of(Collection<StoredFact> facts, LocalDate asOf, JdbcClient jdbc) {
        Set<String> bodyIds = new HashSet<>();
        Set<String> meetingIds = new HashSet<>();
        Set<String> mandateIds = new HashSet<>();
        for (StoredFact fact : facts) {
            Object e = fact.event();
            bodyIds.add(fact.bodyId());
            if (e instanceof MeetingEvent m) {
                meetingIds.add(m.meetingId());
            }
            if (e instanceof MandateEvent m) {
                mandateIds.add(m.mandateId());
            }
            if (e instanceof MandateConferred m && m.deadline().sessionBodyId() != null) {
                bodyIds.add(m.deadline().sessionBodyId());
            }
            if (e instanceof MandateExtended m && m.deadline().sessionBodyId() != null) {
                bodyIds.add(m.deadline().sessionBodyId());
            }
            if (e instanceof MandateFulfilled m && m.evidence() instanceof Evidence.Meeting meeting) {
                meetingIds.add(meeting.meetingId());
            }
            if (e instanceof MandateSuperseded m && m.supersededBy() != null) {
                mandateIds.add(m.supersededBy());
            }
        }
        Names names = new Names();
        Map<String, Map<String, String>> kinds = Map.of("body", names.bodies, "meeting", names.meetings,
                "mandate", names.mandates);
        jdbc.sql(NAMED).param("bodies", bodyIds.toArray(String[]::new))
                .param("meetings", meetingIds.toArray(String[]::new))
                .param("mandates", mandateIds.toArray(String[]::new)).param("asOf", asOf)
                .query(rs -> {
                    kinds.get(rs.getString(1)).put(rs.getString(2), rs.getString(3));
                });
        return names;
    }

    String body(String id) {
        return bodies.getOrDefault(id, id);
    }

    String meeting(String id) {
        return meetings.getOrDefault(id, "meeting " + id);
    }

    String mandate(String id) {
        return mandates.getOrDefault(id, "mandate " + id);
    }

    String deadline(Deadline deadline) {
        return deadline(deadline, deadline.sessionBodyId() == null ? null : body(deadline.sessionBodyId()));
    }

    /** The deadline in words, naming its session's body by {@code bodyLabel} (its id when that is unknown). */
    static String deadline(Deadline deadline, String bodyLabel) {
        if (deadline instanceof Deadline.OnDate d) {
            return "by " + d.date();
        }
        String body = bodyLabel != null ? bodyLabel : deadline.sessionBodyId();
        if (deadline instanceof Deadline.BeforeSession d) {
            return "before session " + d.session() + " of " + body;
        }
        if (deadline instanceof Deadline.AtSession d) {
            return "at session " + d.session() + " of " + body;
        }
        return "standing (no deadline)";
    }
}
