package org.mandatetracker.support.consume;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a record that cannot be applied in {@code parked_record}, with the reason, and counts it in the
 * {@code tracker.kafka.parked} metric. As the error handler's recoverer it runs before the consumer commits past the
 * record; if it cannot write, it throws, and the record is retried rather than lost. Like a projection's dead-letter
 * queue, a parked record holds back the later records of its key (its aggregate), which consumers park behind it
 * ({@link #heldBack}); {@link #retry} applies them again in order, {@link #evict} drops one for good, and the
 * {@code parkedRecords} health detail and the {@code tracker.kafka.parked.records} gauge show what waits.
 */
public class ParkedRecords implements ConsumerRecordRecoverer, HealthIndicator {

    /** Applies one record, as the topic's consumer would; it may park the record again, or throw. */
    @FunctionalInterface
    public interface Applier {
        void apply(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    /** One parked record. */
    public record Parked(String topic, int partition, long offset, String key, String type, String reason,
                         Instant parkedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final MeterRegistry meters;
    private final TransactionTemplate transactions;
    private final Map<String, Applier> appliers = new ConcurrentHashMap<>();
    private final Set<String> metered = ConcurrentHashMap.newKeySet();

    public ParkedRecords(JdbcClient jdbc, JsonColumns json, MeterRegistry meters, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.meters = meters;
        this.transactions = transactions;
    }

    /** The topic's consumer names how a parked record of the topic is applied again. */
    public void retriesWith(String topic, Applier applier) {
        appliers.put(topic, applier);
        registerMetrics(topic);
    }

    /** The topic's metrics exist, at zero, from the start, not only from its first parked record. */
    public void registerMetrics(String topic) {
        if (metered.add(topic)) {
            meters.counter("tracker.kafka.parked", "topic", topic);
            Gauge.builder("tracker.kafka.parked.records", () -> countOrNaN(topic)).tag("topic", topic)
                    .description("Records parked and not yet retried or evicted").register(meters);
        }
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        park(record, reason(failure));
    }

    /**
     * Parks the records whose key has an earlier record parked, and answers the others, in order. A consumer calls
     * this before applying a batch, so an aggregate's events are never applied past one that is waiting.
     */
    public <K, V> List<ConsumerRecord<K, V>> heldBack(List<ConsumerRecord<K, V>> records) {
        List<String> keys = records.stream().map(ConsumerRecord::key).filter(k -> k != null).map(Object::toString)
                .distinct().toList();
        if (keys.isEmpty()) {
            return records;
        }
        Map<String, Long> firstParked = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT topic, partition, record_key, min("offset") AS first FROM parked_record
                        WHERE topic = ANY(?) AND record_key = ANY(?) GROUP BY topic, partition, record_key""")
                .params(records.stream().map(ConsumerRecord::topic).distinct().toArray(String[]::new),
                        keys.toArray(String[]::new))
                .query(rs -> {
                    firstParked.put(rs.getString("topic") + "-" + rs.getInt("partition") + "/"
                            + rs.getString("record_key"), rs.getLong("first"));
                });
        if (firstParked.isEmpty()) {
            return records;
        }
        List<ConsumerRecord<K, V>> free = new ArrayList<>();
        for (ConsumerRecord<K, V> record : records) {
            Long first = record.key() == null ? null
                    : firstParked.get(record.topic() + "-" + record.partition() + "/" + record.key());
            if (first != null && first < record.offset()) {
                park(record, "held back behind " + record.topic() + "-" + record.partition() + "@" + first
                        + ", an earlier record of " + record.key() + " that is parked");
            } else {
                free.add(record);
            }
        }
        return free;
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

    public List<Parked> list() {
        return jdbc.sql("""
                        SELECT topic, partition, "offset", record_key, headers ->> 'ce_type' AS type, reason, parked_at
                        FROM parked_record ORDER BY topic, partition, "offset" LIMIT 1000""")
                .query((rs, n) -> new Parked(rs.getString("topic"), rs.getInt("partition"), rs.getLong("offset"),
                        rs.getString("record_key"), rs.getString("type"), rs.getString("reason"),
                        rs.getTimestamp("parked_at").toInstant()))
                .list();
    }

    /**
     * Applies the parked record again, then the records of its key parked after it, in order, each in its own
     * transaction, until one fails (it stays parked with the new reason) or is parked again. Answers what still
     * waits for that key, or empty if there was no such parked record.
     */
    public Optional<List<Parked>> retry(String topic, int partition, long offset) {
        List<String> found = jdbc.sql("""
                        SELECT record_key FROM parked_record WHERE topic = ? AND partition = ? AND "offset" = ?""")
                .params(topic, partition, offset).query((rs, n) -> rs.getString(1)).list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> key = Optional.ofNullable(found.get(0));
        Applier applier = appliers.get(topic);
        if (applier == null) {
            throw new IllegalStateException("No consumer of " + topic + " here to apply its records");
        }
        List<Long> offsets = key.isEmpty() ? List.of(offset) : jdbc.sql("""
                        SELECT "offset" FROM parked_record WHERE topic = ? AND partition = ? AND record_key = ?
                          AND "offset" >= ? ORDER BY "offset\"""")
                .params(topic, partition, key.get(), offset).query(Long.class).list();
        for (long next : offsets) {
            if (!retryOne(topic, partition, next, applier)) {
                break;
            }
        }
        return Optional.of(list().stream().filter(p -> p.topic().equals(topic) && p.partition() == partition
                && (key.isEmpty() ? p.offset() == offset : key.get().equals(p.key()))).toList());
    }

    /** Drops a parked record for good; answers whether there was one. */
    public boolean evict(String topic, int partition, long offset) {
        return jdbc.sql("DELETE FROM parked_record WHERE topic = ? AND partition = ? AND \"offset\" = ?")
                .params(topic, partition, offset).update() == 1;
    }

    @Override
    public Health health() {
        Map<String, Object> byTopic = new LinkedHashMap<>();
        jdbc.sql("SELECT topic, count(*) AS parked, min(parked_at) AS since FROM parked_record GROUP BY topic")
                .query(rs -> {
                    byTopic.put(rs.getString("topic"), Map.of("parked", rs.getLong("parked"),
                            "oldest", rs.getTimestamp("since").toInstant().toString()));
                });
        return Health.up().withDetails(byTopic).build();
    }

    private boolean retryOne(String topic, int partition, long offset, Applier applier) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                ConsumerRecord<String, byte[]> record = load(topic, partition, offset);
                evict(topic, partition, offset);
                try {
                    applier.apply(record);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                boolean parkedAgain = exists(topic, partition, offset);
                if (!parkedAgain) {
                    log.info("Applied parked record {}-{}@{} on retry", topic, partition, offset);
                }
                return !parkedAgain;
            }));
        } catch (RuntimeException failed) {
            jdbc.sql("UPDATE parked_record SET reason = ? WHERE topic = ? AND partition = ? AND \"offset\" = ?")
                    .params("retried and failed again: " + reason(failed), topic, partition, offset).update();
            return false;
        }
    }

    private ConsumerRecord<String, byte[]> load(String topic, int partition, long offset) {
        return jdbc.sql("""
                        SELECT record_key, headers::text AS headers, value FROM parked_record
                        WHERE topic = ? AND partition = ? AND "offset" = ?""")
                .params(topic, partition, offset)
                .query((rs, n) -> {
                    RecordHeaders headers = new RecordHeaders();
                    Map<String, String> stored = json.read(rs.getString("headers"), HEADERS);
                    stored.forEach((k, v) -> headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
                    byte[] value = rs.getBytes("value");
                    return new ConsumerRecord<>(topic, partition, offset, ConsumerRecord.NO_TIMESTAMP,
                            TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, value == null ? 0 : value.length,
                            rs.getString("record_key"), value, headers, Optional.empty());
                })
                .single();
    }

    private boolean exists(String topic, int partition, long offset) {
        return jdbc.sql("SELECT count(*) FROM parked_record WHERE topic = ? AND partition = ? AND \"offset\" = ?")
                .params(topic, partition, offset).query(Long.class).single() > 0;
    }

    private double countOrNaN(String topic) {
        try {
            return jdbc.sql("SELECT count(*) FROM parked_record WHERE topic = ?").param(topic).query(Long.class)
                    .single();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private static String reason(Exception failure) {
        // The listener's wrapper says only that the listener threw; the operator needs the cause as well.
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        return failure.getClass().getSimpleName() + (cause == failure ? "" : " caused by "
                + cause.getClass().getSimpleName()) + ": " + cause.getMessage();
    }
}
