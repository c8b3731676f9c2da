package org.mandatetracker.report.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.support.cloudevents.CloudEventRecords;
import org.mandatetracker.support.consume.ParkedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The consumer group reading both topics into the fact log, a poll's batch per transaction; offsets are committed
 * after it. If a batch fails, its records are applied one by one, each in its own transaction, so that the one that
 * fails is named to the error handler, which retries it, then parks it (see service-base), and those before it are
 * kept. A parked record is applied again the same way when it is retried. Each record that carries a W3C
 * {@code traceparent} (the relay writes one) gets a consumer span continuing the trace of the request that recorded
 * it, and its debug log line carries that trace's id.
 */
@Component
class TopicConsumers {

    private static final Logger log = LoggerFactory.getLogger(TopicConsumers.class);
    private static final String TRACEPARENT = "traceparent";

    private final FactLog facts;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    TopicConsumers(FactLog facts, ParkedRecords parked, ObjectProvider<Tracer> tracer,
                   ObjectProvider<Propagator> propagator) {
        this.facts = facts;
        this.tracer = tracer;
        this.propagator = propagator;
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
        List<Span> spans = spans(records);
        try {
            facts.appendAll(records);
            stored(records, spans);
        } catch (Exception batchFailed) {
            spans.stream().filter(Objects::nonNull).forEach(span -> span.error(batchFailed).end());
            log.warn("A batch of {} records failed ({}); applying them one by one", records.size(),
                    batchFailed.toString());
            for (int i = 0; i < records.size(); i++) {
                try {
                    facts.append(records.get(i));
                    stored(List.of(records.get(i)), spans(List.of(records.get(i))));
                } catch (Exception e) {
                    throw new BatchListenerFailedException("Cannot apply " + records.get(i).topic() + "-"
                            + records.get(i).partition() + "@" + records.get(i).offset(), e, i);
                }
            }
        }
    }

    /** A consumer span per record, continuing the trace its traceparent names; null for a record without one. */
    private List<Span> spans(List<ConsumerRecord<String, byte[]>> records) {
        Tracer current = tracer.getIfAvailable();
        Propagator w3c = propagator.getIfAvailable();
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            spans.add(current == null || w3c == null || record.headers().lastHeader(TRACEPARENT) == null ? null
                    : w3c.extract(record, (r, key) -> CloudEventRecords.header(r, key))
                    .name("consume " + record.topic()).kind(Span.Kind.CONSUMER)
                    .tag("messaging.message.id", String.valueOf(CloudEventRecords.header(record, "ce_id")))
                    .start());
        }
        return spans;
    }

    private void stored(List<ConsumerRecord<String, byte[]>> records, List<Span> spans) {
        for (int i = 0; i < records.size(); i++) {
            Span span = spans.get(i);
            if (span == null) {
                logStored(records.get(i));
                continue;
            }
            try (Tracer.SpanInScope scope = tracer.getObject().withSpan(span)) {
                logStored(records.get(i));
            } finally {
                span.end();
            }
        }
    }

    private static void logStored(ConsumerRecord<String, byte[]> record) {
        if (log.isDebugEnabled()) {
            log.debug("Stored {} {} of {} from {}-{}@{}", CloudEventRecords.header(record, "ce_type"),
                    CloudEventRecords.header(record, "ce_id"), record.key(), record.topic(), record.partition(),
                    record.offset());
        }
    }
}
