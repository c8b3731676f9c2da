package org.mandatetracker.mandate.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.mandate.query.MandateView.Recording;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Keeps {@code body_view} and {@code mandate_view} in step with the event stream. */
@Component
@ProcessingGroup(MandateProjection.PROCESSING_GROUP)
public class MandateProjection {

    public static final String PROCESSING_GROUP = "mandate-projection";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    public MandateProjection(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(BodyEstablished event) {
        BodyProfile p = event.profile();
        jdbc.sql("""
                INSERT INTO body_view (body_id, name, short_name, kind, parent_body_id, open_ended, interim,
                                       chair_arrangement, legal_basis, established_on, established_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb))""")
                .params(event.bodyId(), p.name(), p.shortName(), p.kind().name(), p.parentBodyId(), p.openEnded(),
                        p.interim(), p.chairArrangement(), json.write(p.legalBasis()), event.occurredOn(),
                        json.write(event.source()))
                .update();
    }

    @EventHandler
    void on(BodyEstablishmentCorrected event) {
        BodyProfile p = event.profile();
        jdbc.sql("""
                UPDATE body_view SET name = ?, short_name = ?, kind = ?, parent_body_id = ?, open_ended = ?,
                       interim = ?, chair_arrangement = ?, legal_basis = CAST(? AS jsonb), established_on = ?,
                       established_by = CAST(? AS jsonb)
                WHERE body_id = ?""")
                .params(p.name(), p.shortName(), p.kind().name(), p.parentBodyId(), p.openEnded(), p.interim(),
                        p.chairArrangement(), json.write(p.legalBasis()), event.occurredOn(), json.write(event.source()),
                        event.bodyId())
                .update();
    }

    @EventHandler
    void on(BodyRenamed event) {
        jdbc.sql("UPDATE body_view SET name = ?, short_name = ? WHERE body_id = ?")
                .params(event.name(), event.shortName(), event.bodyId()).update();
    }

    @EventHandler
    void on(BodyDissolved event) {
        jdbc.sql("UPDATE body_view SET dissolved_on = ?, dissolved_by = CAST(? AS jsonb) WHERE body_id = ?")
                .params(event.occurredOn(), json.write(event.source()), event.bodyId()).update();
    }

    @EventHandler
    void on(MandateConferred event) {
        jdbc.sql("""
                INSERT INTO mandate_view (mandate_id, body_id, task, deadline, conferred_on, source, recording)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?)""")
                .params(event.mandateId(), event.bodyId(), event.task(), json.write(event.deadline()),
                        event.occurredOn(), json.write(event.source()), Recording.OPEN_TO_CHANGE.name())
                .update();
    }

    @EventHandler
    void on(MandateTaskAmended event) {
        jdbc.sql("UPDATE mandate_view SET task = ? WHERE mandate_id = ?")
                .params(event.task(), event.mandateId()).update();
    }

    @EventHandler
    void on(MandateExtended event) {
        jdbc.sql("UPDATE mandate_view SET deadline = CAST(? AS jsonb) WHERE mandate_id = ?")
                .params(json.write(event.deadline()), event.mandateId()).update();
    }

    @EventHandler
    void on(MandateFulfilled event) {
        close(event.mandateId(), Recording.CLOSED_FULFILLED, event.occurredOn(), json.write(event.source()));
        jdbc.sql("UPDATE mandate_view SET evidence = CAST(? AS jsonb) WHERE mandate_id = ?")
                .params(json.write(event.evidence()), event.mandateId()).update();
    }

    @EventHandler
    void on(MandateTerminated event) {
        close(event.mandateId(), Recording.CLOSED_TERMINATED, event.occurredOn(), json.write(event.source()));
    }

    @EventHandler
    void on(MandateSuperseded event) {
        close(event.mandateId(), Recording.CLOSED_SUPERSEDED, event.occurredOn(), json.write(event.source()));
        jdbc.sql("UPDATE mandate_view SET superseded_by = ? WHERE mandate_id = ?")
                .params(event.supersededBy(), event.mandateId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM processed_event WHERE projection = ?").param(PROCESSING_GROUP).update();
        jdbc.sql("DELETE FROM mandate_view").update();
        jdbc.sql("DELETE FROM body_view").update();
    }

    private void close(String mandateId, Recording closedAs, LocalDate on, String by) {
        jdbc.sql("""
                UPDATE mandate_view SET recording = ?, closed_on = ?, closed_by = CAST(? AS jsonb)
                WHERE mandate_id = ?""")
                .params(closedAs.name(), on, by, mandateId).update();
    }
}
