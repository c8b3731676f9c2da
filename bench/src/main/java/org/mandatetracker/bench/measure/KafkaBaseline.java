package org.mandatetracker.bench.measure;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** What the broker alone allows: produce-to-consume latency on a scratch topic, and reading whole topics raw. */
public final class KafkaBaseline {

    private static final String WARM_UP = "warm-up";

    private final String bootstrapServers;

    public KafkaBaseline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Sends at a fixed rate, with the relay's producer settings, to a scratch topic that a consumer reads as it
     * arrives; latency runs from the send's scheduled time to its receipt. The topic is deleted afterwards.
     */
    public Measurement produceToConsume(String topic, double perSecond, Duration duration) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return measureRoundTrips(topic, perSecond, duration);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Measurement measureRoundTrips(String topic, double perSecond, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        AtomicBoolean sending = new AtomicBoolean(true);
        long expected;
        double seconds;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(0));
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread reader = new Thread(() -> {
                while (sending.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        if (!WARM_UP.equals(record.key())) {
                            latencies.recordNanos(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                        }
                    }
                }
            }, "bench-kafka-reader");
            reader.start();
            producer.send(new ProducerRecord<>(topic, WARM_UP, ByteBuffer.allocate(8).putLong(System.nanoTime())
                    .array())).get();
            long interval = (long) (1e9 / perSecond);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long sent = 0;
            for (long due = start; due < end; due += interval) {
                LockSupport.parkNanos(due - System.nanoTime());
                byte[] value = ByteBuffer.allocate(600).putLong(due).array();
                producer.send(new ProducerRecord<>(topic, "k" + (sent % 16), value));
                sent++;
            }
            producer.flush();
            expected = sent;
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (latencies.count() < expected && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            sending.set(false);
            reader.join();
        }
        for (long i = latencies.count(); i < expected; i++) {
            latencies.error();
        }
        return new Measurement(latencies, latencies.count(), seconds);
    }

    /** The records on these topics, read from the beginning by a plain consumer with no group, and how long it took. */
    public Measurement consumeAll(Collection<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long start = System.nanoTime();
            long records = 0;
            Set<TopicPartition> unfinished = new HashSet<>(partitions);
            while (!unfinished.isEmpty()) {
                records += consumer.poll(Duration.ofMillis(200)).count();
                unfinished.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measurement(new Latencies(), records, seconds);
        }
    }

    Map<String, Object> producerConfig(int lingerMs) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
}
