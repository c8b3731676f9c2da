package org.mandatetracker.support.consume;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far a consumer group has read a topic, as the broker knows it: shared by every replica in the group, so any
 * of them can tell whether the group as a whole has caught up. Offsets are read committed, as the consumers read.
 */
public final class GroupProgress implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final String topic;
    private final Duration timeout;

    public GroupProgress(Map<String, Object> adminConfig, String group, String topic, Duration timeout) {
        this.admin = Admin.create(adminConfig);
        this.group = group;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** Each partition's end (its last stable offset); empty while the topic does not exist. */
    public Map<TopicPartition, Long> ends() throws BrokerUnavailable {
        return offsets(OffsetSpec.latest());
    }

    /** Each partition's next offset to be read by the group; a partition it has never committed counts from its start. */
    public Map<TopicPartition, Long> positions() throws BrokerUnavailable {
        Map<TopicPartition, Long> positions = new HashMap<>(offsets(OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        committed.forEach((partition, offset) -> {
            if (offset != null && positions.containsKey(partition)) {
                positions.put(partition, offset.offset());
            }
        });
        return positions;
    }

    /** Records the group has yet to read to reach {@code targets}, summed over partitions. */
    public long behind(Map<TopicPartition, Long> targets) throws BrokerUnavailable {
        Map<TopicPartition, Long> positions = positions();
        return targets.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - positions.getOrDefault(e.getKey(), 0L))).sum();
    }

    /** Records the group has yet to read to reach the topic's end now. */
    public long behind() throws BrokerUnavailable {
        return behind(ends());
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws BrokerUnavailable {
        Map<String, TopicDescription> described;
        try {
            described = await(admin.describeTopics(List.of(topic)).allTopicNames());
        } catch (BrokerUnavailable e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> request = described.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(Function.identity(), p -> spec));
        return await(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private <T> T await(KafkaFuture<T> future) throws BrokerUnavailable {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BrokerUnavailable(e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /** The broker did not answer in time, or refused the question. */
    public static final class BrokerUnavailable extends Exception {
        BrokerUnavailable(Throwable cause) {
            super(cause);
        }
    }
}
