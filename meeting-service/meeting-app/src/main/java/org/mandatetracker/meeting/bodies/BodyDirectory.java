package org.mandatetracker.meeting.bodies;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.command.KnownBodies;
import org.mandatetracker.support.consume.OncePerRecord;
import org.mandatetracker.support.consume.ParkedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.mandatetracker.support.cloudevents.CloudEventRecords.header;

/**
 * Keeps {@code known_body} from {@code mandate.events.v1}. Each record is applied and its {@code ce_id} recorded in
 * one transaction, and the offset is committed only after it, so a redelivered record changes nothing. Events of
 * types it does not know are parked, not fatal, and so is a record of a body with an earlier record parked. Mandate
 * events are not its business: {@link #MANDATE_EVENTS} drops them before the listener, so the topic's bulk costs no
 * transaction.
 */
@Component
class BodyDirectory implements KnownBodies {

    static final String CONSUMER = "body-directory";
    static final String MANDATE_EVENTS = "bodyDirectorySkipsMandateEvents";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final OncePerRecord once;
    private final ParkedRecords parked;
    private final BodyDirectoryProgress progress;

    BodyDirectory(JdbcClient jdbc, ObjectMapper json, OncePerRecord once, ParkedRecords parked,
                  BodyDirectoryProgress progress) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.json = json;
        this.once = once;
        this.parked = parked;
        parked.retriesWith(MandateEventTypes.TOPIC, this::on);
    }

    @Override
    public Optional<KnownBody> find(String bodyId) {
        // Mapped by position: mapping a record by name first probes for a column "bodyId", and every miss costs
        // the driver a formatted exception, on every command that looks a body up.
        return jdbc.sql("SELECT body_id, name, established_on, dissolved_on FROM known_body WHERE body_id = ?")
                .param(bodyId)
                .query((rs, row) -> new KnownBody(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    @Override
    public boolean upToDate() {
        return progress.upToDate();
    }

    /** True for a record the directory has no use for: a known type of mandate event. Unknown types go on, to be parked. */
    @Bean(MANDATE_EVENTS)
    static RecordFilterStrategy<String, byte[]> skipMandateEvents() {
        return record -> MandateEventTypes.classOf(header(record, "ce_type"))
                .filter(MandateEvent.class::isAssignableFrom).isPresent();
    }

    @KafkaListener(id = CONSUMER, topics = MandateEventTypes.TOPIC, groupId = "${spring.application.name}-" + CONSUMER,
            filter = MANDATE_EVENTS)
    @Transactional(rollbackFor = Exception.class)
    void on(ConsumerRecord<String, byte[]> record) throws IOException {
        if (parked.heldBack(List.of(record)).isEmpty()) {
            return;
        }
        String type = header(record, "ce_type");
        Optional<Class<?>> eventClass = MandateEventTypes.classOf(type);
        if (eventClass.isEmpty()) {
            parked.park(record, "unknown event type " + type);
            return;
        }
        if (!once.firstTime(CONSUMER, header(record, "ce_id"))) {
            return;
        }
        Object event = json.readValue(record.value(), eventClass.get());
        if (event instanceof BodyEstablished established) {
            jdbc.sql("""
                    INSERT INTO known_body (body_id, name, established_on) VALUES (?, ?, ?)
                    ON CONFLICT (body_id) DO NOTHING""")
                    .params(established.bodyId(), established.profile().name(), established.occurredOn()).update();
        } else if (event instanceof BodyEstablishmentCorrected corrected) {
            jdbc.sql("UPDATE known_body SET name = ?, established_on = ? WHERE body_id = ?")
                    .params(corrected.profile().name(), corrected.occurredOn(), corrected.bodyId()).update();
        } else if (event instanceof BodyRenamed renamed) {
            jdbc.sql("UPDATE known_body SET name = ? WHERE body_id = ?")
                    .params(renamed.name(), renamed.bodyId()).update();
        } else if (event instanceof BodyDissolved dissolved) {
            jdbc.sql("UPDATE known_body SET dissolved_on = ? WHERE body_id = ?")
                    .params(dissolved.occurredOn(), dissolved.bodyId()).update();
        }
    }
}
