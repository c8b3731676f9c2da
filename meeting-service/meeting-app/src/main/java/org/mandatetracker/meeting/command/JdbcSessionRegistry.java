package org.mandatetracker.meeting.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The session registry in PostgreSQL. Its handlers belong to a subscribing processor, so they run in the
 * transaction that appends the meeting's events; the primary key on (body, session) turns two racing schedulings of
 * one session into one success and one conflict.
 */
@Component
@ProcessingGroup(JdbcSessionRegistry.PROCESSING_GROUP)
class JdbcSessionRegistry implements SessionRegistry {

    static final String PROCESSING_GROUP = "session-registry";

    private final JdbcClient jdbc;

    JdbcSessionRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> meetingHolding(String bodyId, int session) {
        return jdbc.sql("SELECT meeting_id FROM scheduled_session WHERE body_id = ? AND session = ?")
                .params(bodyId, session).query(String.class).optional();
    }

    @EventHandler
    void on(MeetingScheduled event) {
        if (event.session() != null) {
            jdbc.sql("INSERT INTO scheduled_session (body_id, session, meeting_id) VALUES (?, ?, ?)")
                    .params(event.bodyId(), event.session(), event.meetingId()).update();
        }
    }

    @EventHandler
    void on(MeetingCancelled event) {
        jdbc.sql("DELETE FROM scheduled_session WHERE meeting_id = ?").param(event.meetingId()).update();
    }
}
