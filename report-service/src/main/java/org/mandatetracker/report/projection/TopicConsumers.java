package org.mandatetracker.report.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The consumer group reading both topics into the fact log. Offsets are committed record by record, after the
 * fact's transaction; a record that keeps failing is retried, then parked (see service-base's error handler).
 */
@Component
class TopicConsumers {

    private final FactLog facts;

    TopicConsumers(FactLog facts) {
        this.facts = facts;
    }

    @KafkaListener(id = "report-mandate-events", topics = MandateEventTypes.TOPIC, groupId = "${spring.application.name}")
    void onMandateEvent(ConsumerRecord<String, byte[]> record) throws IOException {
        facts.append(record);
    }

    @KafkaListener(id = "report-meeting-events", topics = MeetingEventTypes.TOPIC, groupId = "${spring.application.name}")
    void onMeetingEvent(ConsumerRecord<String, byte[]> record) throws IOException {
        facts.append(record);
    }
}
