package org.mandatetracker.meeting.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The outcome registry in PostgreSQL. Its handlers belong to a subscribing processor, so they run in the transaction
 * that appends the meeting's events; the primary key on (meeting, kind, key) turns two replicas racing to record
 * one key into one success and one failed transaction.
 */
@Component
@ProcessingGroup(JdbcOutcomeRegistry.PROCESSING_GROUP)
class JdbcOutcomeRegistry implements OutcomeRegistry {

    static final String PROCESSING_GROUP = "outcome-registry";

    private final JdbcClient jdbc;

    JdbcOutcomeRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> fingerprint(String meetingId, RecordedOutcome.Kind kind, String key) {
        return jdbc.sql("SELECT fingerprint FROM recorded_outcome WHERE meeting_id = ? AND kind = ? AND outcome_key = ?")
                .params(meetingId, kind.name(), key).query(String.class).optional();
    }

    @EventHandler
    void on(DecisionAdopted event) {
        record(event);
    }

    @EventHandler
    void on(RecommendationAdopted event) {
        record(event);
    }

    @EventHandler
    void on(DocumentIssued event) {
        record(event);
    }

    private void record(Object event) {
        RecordedOutcome.of(event).ifPresent(outcome -> insert(jdbc, outcome));
    }

    /** Adds an outcome; also used to fill the registry from the outcomes recorded before it existed. */
    static void insert(JdbcClient jdbc, RecordedOutcome outcome) {
        jdbc.sql("INSERT INTO recorded_outcome (meeting_id, kind, outcome_key, fingerprint) VALUES (?, ?, ?, ?)")
                .params(outcome.meetingId(), outcome.kind().name(), outcome.key(), outcome.fingerprint()).update();
    }
}
