package org.mandatetracker.report.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.support.consume.ParkedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The consumer group reading both topics into the fact log, a poll's batch per transaction; offsets are committed
 * after it. If a batch fails, its records are applied one by one, each in its own transaction, so that the one that
 * fails is named to the error handler, which retries it, then parks it (see service-base), and those before it are
 * kept. A parked record is applied again the same way when it is retried.
 */
@Component
class TopicConsumers {

    private static final Logger log = LoggerFactory.getLogger(TopicConsumers.class);

    private final FactLog facts;

    TopicConsumers(FactLog facts, ParkedRecords parked) {
        this.facts = facts;
        parked.retriesWith(MandateEventTypes.TOPIC, facts::append);
        parked.retriesWith(MeetingEventTypes.TOPIC, facts::append);
    }

    @KafkaListener(id = "report-mandate-events", topics = MandateEventTypes.TOPIC,
            groupId = "${spring.application.name}", batch = "true")
    void onMandateEvents(List<ConsumerRecord<String, byte[]>> records) {
        apply(records);
    }

    @KafkaListener(id = "report-meeting-events", topics = MeetingEventTypes.TOPIC,
            groupId = "${spring.application.name}", batch = "true")
    void onMeetingEvents(List<ConsumerRecord<String, byte[]>> records) {
        apply(records);
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        try {
            facts.appendAll(records);
        } catch (Exception batchFailed) {
            log.warn("A batch of {} records failed ({}); applying them one by one", records.size(),
                    batchFailed.toString());
            for (int i = 0; i < records.size(); i++) {
                try {
                    facts.append(records.get(i));
                } catch (Exception e) {
                    throw new BatchListenerFailedException("Cannot apply " + records.get(i).topic() + "-"
                            + records.get(i).partition() + "@" + records.get(i).offset(), e, i);
                }
            }
        }
    }
}
