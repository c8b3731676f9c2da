package org.mandatetracker.support.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a record that cannot be applied in {@code parked_record}, with the reason, and counts it in the
 * {@code tracker.kafka.parked} metric. As the error handler's recoverer it runs before the consumer commits past the
 * record; if it cannot write, it throws, and the record is retried rather than lost.
 */
public class ParkedRecords implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final MeterRegistry meters;

    public ParkedRecords(JdbcClient jdbc, JsonColumns json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        // The listener's wrapper says only that the listener threw; the operator needs the cause as well.
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        park(record, failure.getClass().getSimpleName() + (cause == failure ? "" : " caused by "
                + cause.getClass().getSimpleName()) + ": " + cause.getMessage());
    }

    public void park(ConsumerRecord<?, ?> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        jdbc.sql("""
                INSERT INTO parked_record (topic, partition, "offset", record_key, headers, value, reason)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT DO NOTHING""")
                .params(record.topic(), record.partition(), record.offset(),
                        record.key() == null ? null : record.key().toString(), json.write(headers),
                        record.value() instanceof byte[] bytes ? bytes : null, reason)
                .update();
        Runnable counted = () -> {
            meters.counter("tracker.kafka.parked", "topic", record.topic()).increment();
            log.warn("Parked {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Counted only once the parking has committed: a batch rolled back and retried parks the record again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counted.run();
                }
            });
        } else {
            counted.run();
        }
    }
}
