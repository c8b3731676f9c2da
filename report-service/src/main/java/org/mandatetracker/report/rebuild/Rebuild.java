package org.mandatetracker.report.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.support.consume.ParkedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drops the fact log and reads both topics again from their earliest offsets, up to where they ended when the
 * rebuild began. It reads without a consumer group, beside the live consumers: storing a fact is idempotent, so the
 * two never double anything, and the feed keeps its ids, so no subscriber hears of a recommendation twice. While it
 * runs, answers are incomplete; {@link #progress()} says how far it is.
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final List<String> TOPICS = List.of(MandateEventTypes.TOPIC, MeetingEventTypes.TOPIC);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);

    private final FactLog facts;
    private final ParkedRecords parked;
    private final ConsumerFactory<String, byte[]> consumers;
    private final boolean onStart;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild"));
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.IDLE);

    Rebuild(FactLog facts, ParkedRecords parked, ConsumerFactory<String, byte[]> consumers,
            @Value("${report.rebuild-on-start:false}") boolean onStart) {
        this.facts = facts;
        this.parked = parked;
        this.consumers = consumers;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnStartIfAsked() {
        if (onStart) {
            start();
        }
    }

    /** Starts a rebuild unless one is running; returns whether it started. */
    public synchronized boolean start() {
        if (progress.get().state().equals("RUNNING")) {
            return false;
        }
        progress.set(new RebuildProgress("RUNNING", 0, 0, 0, Instant.now(), null, null));
        worker.execute(this::run);
        return true;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    private void run() {
        Instant started = progress.get().startedAt();
        Properties noGroup = new Properties();
        noGroup.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "report-rebuild", null, noGroup)) {
            List<TopicPartition> partitions = TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> ends.get(p) - beginnings.get(p)).sum();
            facts.clear();
            log.info("Rebuild started: {} records on {}", total, TOPICS);
            long done = 0;
            Instant lastLog = Instant.now();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        apply(record);
                        done++;
                    }
                }
                progress.set(running(started, done, total));
                if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                    lastLog = Instant.now();
                    log.info("Rebuild: {} of {} records ({} per second)", done, total,
                            Math.round(progress.get().recordsPerSecond()));
                }
            }
            RebuildProgress finished = running(started, done, total);
            progress.set(new RebuildProgress("COMPLETED", done, total, finished.recordsPerSecond(), started,
                    Instant.now(), null));
            log.info("Rebuild completed: {} records in {}", done, Duration.between(started, Instant.now()));
        } catch (RuntimeException e) {
            log.error("Rebuild failed", e);
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress("FAILED", last.done(), last.total(), last.recordsPerSecond(), started,
                    Instant.now(), e.getMessage()));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            facts.append(record);
        } catch (Exception e) {
            parked.park(record, "rebuild: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static RebuildProgress running(Instant started, long done, long total) {
        double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
        return new RebuildProgress("RUNNING", done, total, done / seconds, started, null, null);
    }
}
