package org.mandatetracker.meeting.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.meeting.query.MeetingView.Status;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Keeps {@code meeting_view} and {@code meeting_outcome} in step with the event stream. */
@Component
@ProcessingGroup(MeetingProjection.PROCESSING_GROUP)
public class MeetingProjection {

    public static final String PROCESSING_GROUP = "meeting-projection";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    public MeetingProjection(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MeetingScheduled event) {
        jdbc.sql("""
                INSERT INTO meeting_view (meeting_id, body_id, title, session, kind, venue, planned_start, planned_end,
                                          status, scheduled_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(event.meetingId(), event.bodyId(), event.title(), event.session(), event.kind().name(),
                        event.venue(), event.plannedStart(), event.plannedEnd(), Status.SCHEDULED.name(),
                        json.write(event.source()))
                .update();
    }

    @EventHandler
    void on(MeetingRescheduled event) {
        jdbc.sql("UPDATE meeting_view SET planned_start = ?, planned_end = ?, status = ? WHERE meeting_id = ?")
                .params(event.plannedStart(), event.plannedEnd(), Status.SCHEDULED.name(), event.meetingId())
                .update();
    }

    @EventHandler
    void on(MeetingHeld event) {
        jdbc.sql("UPDATE meeting_view SET held_from = ?, held_to = ?, status = ? WHERE meeting_id = ?")
                .params(event.occurredOn(), event.endedOn(), Status.HELD.name(), event.meetingId()).update();
    }

    @EventHandler
    void on(MeetingPostponed event) {
        status(event.meetingId(), Status.POSTPONED);
    }

    @EventHandler
    void on(MeetingCancelled event) {
        status(event.meetingId(), Status.CANCELLED);
    }

    @EventHandler
    void on(MeetingDatesCorrected event) {
        String columns = event.which() == MeetingDatesCorrected.Dates.HELD
                ? "held_from = ?, held_to = ?" : "planned_start = ?, planned_end = ?";
        jdbc.sql("UPDATE meeting_view SET " + columns + " WHERE meeting_id = ?")
                .params(event.occurredOn(), event.endsOn(), event.meetingId()).update();
    }

    @EventHandler
    void on(DecisionAdopted event) {
        outcome(event.meetingId(), "DECISION", event.reference().value(), event.occurredOn(), event);
    }

    @EventHandler
    void on(RecommendationAdopted event) {
        outcome(event.meetingId(), "RECOMMENDATION", event.recommendationId(), event.occurredOn(), event);
    }

    @EventHandler
    void on(DocumentIssued event) {
        outcome(event.meetingId(), "DOCUMENT", event.symbol().value(), event.occurredOn(), event);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM processed_event WHERE projection = ?").param(PROCESSING_GROUP).update();
        jdbc.sql("DELETE FROM meeting_outcome").update();
        jdbc.sql("DELETE FROM meeting_view").update();
    }

    private void status(String meetingId, Status status) {
        jdbc.sql("UPDATE meeting_view SET status = ? WHERE meeting_id = ?").params(status.name(), meetingId).update();
    }

    private void outcome(String meetingId, String kind, String key, LocalDate occurredOn, Object event) {
        jdbc.sql("""
                INSERT INTO meeting_outcome (meeting_id, kind, outcome_key, occurred_on, record)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(meetingId, kind, key, occurredOn, json.write(event)).update();
    }
}
