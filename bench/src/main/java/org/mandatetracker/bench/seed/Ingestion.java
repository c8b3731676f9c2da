package org.mandatetracker.bench.seed;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How far a consumer group is behind the end of the topics, read from the broker. */
public final class Ingestion implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final Collection<String> topics;

    public Ingestion(String bootstrapServers, String group, Collection<String> topics) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.topics = topics;
    }

    /** Records on the topics not yet committed by the group; a partition it never committed counts in full. */
    public long lag() throws Exception {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /** Every record on the topics, from their beginnings. */
    public long records() throws Exception {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until the group has committed everything on the topics, however long that takes while it progresses;
     * gives up when it has made no progress for {@code stall}. Answers how long it took.
     */
    public Duration awaitCaughtUp(Duration stall) throws Exception {
        long start = System.nanoTime();
        long lastProgress = start;
        long behind = lag();
        long lastSaid = start;
        while (behind > 0) {
            Thread.sleep(200);
            long now = lag();
            if (System.nanoTime() - lastSaid > TimeUnit.SECONDS.toNanos(15)) {
                lastSaid = System.nanoTime();
                System.out.println(group + " is " + now + " records behind");
            }
            if (now < behind) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new TimeoutException(group + " is still " + now + " records behind and has made no progress "
                        + "for " + stall);
            }
            behind = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.forEach((topic, description) -> description.partitions().forEach(partition ->
                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (var entry : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            ListOffsetsResult.ListOffsetsResultInfo info = entry.getValue();
            ends.put(entry.getKey(), info.offset());
        }
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
