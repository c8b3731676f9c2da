package org.mandatetracker.mandate.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The body registry in PostgreSQL. Its handlers belong to a subscribing processor, so they run in the transaction
 * that appends the body's events and the registry can never lag behind them.
 */
@Component
@ProcessingGroup(JdbcBodyRegistry.PROCESSING_GROUP)
class JdbcBodyRegistry implements BodyRegistry {

    static final String PROCESSING_GROUP = "body-registry";

    private final JdbcClient jdbc;

    JdbcBodyRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RegisteredBody> find(String bodyId) {
        // Mapped by position: mapping a record by name first probes for a column "bodyId", and every miss costs
        // the driver a formatted exception, on every command that looks a body up.
        return jdbc.sql("SELECT body_id, established_on, dissolved_on FROM body_registry WHERE body_id = ?")
                .param(bodyId)
                .query((rs, row) -> new RegisteredBody(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .optional();
    }

    @EventHandler
    void on(BodyEstablished event) {
        jdbc.sql("INSERT INTO body_registry (body_id, established_on) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.bodyId(), event.occurredOn()).update();
    }

    @EventHandler
    void on(BodyEstablishmentCorrected event) {
        jdbc.sql("UPDATE body_registry SET established_on = ? WHERE body_id = ?")
                .params(event.occurredOn(), event.bodyId()).update();
    }

    @EventHandler
    void on(BodyDissolved event) {
        jdbc.sql("UPDATE body_registry SET dissolved_on = ? WHERE body_id = ?")
                .params(event.occurredOn(), event.bodyId()).update();
    }
}
