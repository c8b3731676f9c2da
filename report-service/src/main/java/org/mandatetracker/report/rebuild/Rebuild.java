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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read models, one at a time, with progress. From the fact log (the usual case): every stored view is
 * refolded into new tables and swapped in, so answers stay complete meanwhile. From the topics (when the fact log
 * itself is lost): the fact log is dropped and both topics are read again from their earliest offsets, up to where
 * they ended when the rebuild began, beside the live consumers (storing a fact is idempotent, and the feed keeps its
 * ids, so no subscriber hears of a recommendation twice); then the views are refolded. While the topics are being
 * read, answers are incomplete.
 */
@Component
public class Rebuild {

    /** Where a rebuild reads the facts from. */
    public enum Source { FACTS, TOPICS }

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final List<String> TOPICS = List.of(MandateEventTypes.TOPIC, MeetingEventTypes.TOPIC);
    private static final Duration LOG_EVERY = Duration.ofSeconds(2);

    private final FactLog facts;
    private final ViewRebuild views;
    private final ParkedRecords parked;
    private final ConsumerFactory<String, byte[]> consumers;
    private final boolean onStart;
    private final int readers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild"));
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.IDLE);

    Rebuild(FactLog facts, ViewRebuild views, ParkedRecords parked, ConsumerFactory<String, byte[]> consumers,
            @Value("${report.rebuild-on-start:false}") boolean onStart,
            @Value("${report.rebuild-readers:2}") int readers) {
        this.facts = facts;
        this.views = views;
        this.parked = parked;
        this.consumers = consumers;
        this.onStart = onStart;
        this.readers = readers;
    }

    /** Reads the topics again if asked to; else refolds views an older version of this service built. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnStartIfNeeded() {
        if (onStart) {
            start(Source.TOPICS);
        } else if (!views.current()) {
            log.info("The stored views were built by an older version: refolding them from the fact log");
            start(Source.FACTS);
        }
    }

    /** Starts a rebuild unless one is running; returns whether it started. */
    public synchronized boolean start(Source source) {
        if (progress.get().state().equals("RUNNING")) {
            return false;
        }
        progress.set(new RebuildProgress("RUNNING", source.name(), 0, 0, 0, Instant.now(), null, null));
        worker.execute(() -> run(source));
        return true;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    private void run(Source source) {
        Instant started = progress.get().startedAt();
        try {
            if (source == Source.TOPICS) {
                readTopics(started);
            }
            Counter counter = new Counter(source, started, "facts refolded");
            views.run(counter);
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress("COMPLETED", source.name(), last.done(), last.total(),
                    last.recordsPerSecond(), started, Instant.now(), null));
            log.info("Rebuild from {} completed: {} facts in {}", source, last.done(),
                    Duration.between(started, Instant.now()));
        } catch (RuntimeException e) {
            log.error("Rebuild failed", e);
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress("FAILED", source.name(), last.done(), last.total(),
                    last.recordsPerSecond(), started, Instant.now(), e.getMessage()));
        }
    }

    /** Reports a phase's progress, and logs it every couple of seconds. */
    private final class Counter implements ViewRebuild.Progress {
        private final Source source;
        private final Instant started;
        private final String what;
        private long total;
        private long latest;
        private Instant lastLog = Instant.now();

        Counter(Source source, Instant started, String what) {
            this.source = source;
            this.started = started;
            this.what = what;
        }

        @Override
        public void started(long total) {
            this.total = total;
            log.info("Rebuild from {}: {} {} to go", source, total, what);
            read(0);
        }

        @Override
        public synchronized void read(long count) {
            long done = Math.max(count, latest);
            latest = done;
            double seconds = Math.max(Duration.between(started, Instant.now()).toMillis(), 1) / 1000.0;
            progress.set(new RebuildProgress("RUNNING", source.name(), done, total, done / seconds, started, null,
                    null));
            if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                lastLog = Instant.now();
                log.info("Rebuild from {}: {} of {} {} ({} per second)", source, done, total, what,
                        Math.round(done / seconds));
            }
        }
    }

    /**
     * Reads the topics' partitions split among {@code readers} threads, each with its own consumer and transactions:
     * storing a poll is a round trip that leaves the rest of the machine idle, and a record's key, the order that
     * matters, never spans partitions.
     */
    private void readTopics(Instant started) {
        Counter counter = new Counter(Source.TOPICS, started, "records read");
        List<TopicPartition> partitions;
        Map<TopicPartition, Long> ends;
        try (Consumer<String, byte[]> consumer = consumer("report-rebuild")) {
            partitions = TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            counter.started(partitions.stream().mapToLong(p -> ends.get(p) - beginnings.get(p)).sum());
        }
        facts.clear();
        int threads = Math.max(1, Math.min(readers, partitions.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "rebuild-reader"));
        try {
            AtomicLong done = new AtomicLong();
            List<Future<?>> reading = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int reader = i;
                List<TopicPartition> share = partitions.stream()
                        .filter(p -> partitions.indexOf(p) % threads == reader).toList();
                reading.add(pool.submit(() -> read(share, ends, reader, done, counter)));
            }
            for (Future<?> one : reading) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the topics", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void read(List<TopicPartition> partitions, Map<TopicPartition, Long> ends, int reader, AtomicLong done,
                      Counter counter) {
        try (Consumer<String, byte[]> consumer = consumer("report-rebuild-" + reader)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                apply(batch);
                counter.read(done.addAndGet(batch.size()));
            }
        }
    }

    private Consumer<String, byte[]> consumer(String clientIdPrefix) {
        Properties noGroup = new Properties();
        noGroup.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return consumers.createConsumer(null, clientIdPrefix, null, noGroup);
    }

    /** Stores a poll's records in one transaction; if that fails, one by one, parking those that cannot be stored. */
    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        try {
            facts.appendWithoutViews(records);
        } catch (Exception batchFailed) {
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    facts.appendWithoutViews(List.of(record));
                } catch (Exception e) {
                    parked.park(record, "rebuild: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }
}
