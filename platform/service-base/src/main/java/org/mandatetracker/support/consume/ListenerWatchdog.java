package org.mandatetracker.support.consume;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches every Kafka listener container. spring-kafka stops a container's consumer for good on an {@link Error}
 * (out of memory, say) and on some fatal exceptions, while the container as a whole still reports that it runs.
 * Here such a container makes the {@code kafkaConsumers} health (and so readiness) down, and is restarted after a
 * pause that doubles from {@code initialBackoff} up to a minute; its committed offsets make it resume where it
 * stopped. Each listener's consumer lag is the {@code tracker.kafka.consumer.lag} gauge.
 */
public class ListenerWatchdog implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListenerWatchdog.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final KafkaListenerEndpointRegistry registry;
    private final MeterRegistry meters;
    private final ParkedRecords parked;
    private final Duration initialBackoff;
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService checks;

    /** A listener found stopped: since when, restarts tried, and when the next one is due. */
    private record Outage(long sinceNanos, int restarts, long nextRestartNanos) {
    }

    public ListenerWatchdog(KafkaListenerEndpointRegistry registry, MeterRegistry meters, ParkedRecords parked,
                            Duration initialBackoff) {
        this.registry = registry;
        this.meters = meters;
        this.parked = parked;
        this.initialBackoff = initialBackoff;
    }

    @Override
    public void start() {
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String id = container.getListenerId();
            Gauge.builder("tracker.kafka.consumer.lag", container, ListenerWatchdog::lag)
                    .tag("listener", id)
                    .description("Records on the listener's assigned partitions not yet consumed")
                    .register(meters);
            String[] topics = container.getContainerProperties().getTopics();
            for (String topic : topics == null ? new String[0] : topics) {
                parked.registerMetrics(topic);
            }
        }
        checks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "listener-watchdog"));
        checks.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    /** Starts after the listener containers and stops before them, so it never restarts one being shut down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    void check() {
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            try {
                check(container);
            } catch (RuntimeException e) {
                log.warn("Could not restart Kafka listener {}: {}", container.getListenerId(), e.toString());
            }
        }
    }

    private void check(MessageListenerContainer container) {
        String id = container.getListenerId();
        long now = System.nanoTime();
        if (!container.isAutoStartup() || consuming(container)) {
            Outage ended = outages.remove(id);
            if (ended != null) {
                log.info("Kafka listener {} consumes again after {} restart(s)", id, ended.restarts());
            }
            return;
        }
        Outage outage = outages.computeIfAbsent(id, k -> {
            log.warn("Kafka listener {} has stopped consuming; restarting it in {}", id, initialBackoff);
            return new Outage(now, 0, now + initialBackoff.toNanos());
        });
        if (now - outage.nextRestartNanos() < 0) {
            return;
        }
        Duration pause = initialBackoff.multipliedBy(1L << Math.min(outage.restarts() + 1, 16));
        pause = pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
        outages.put(id, new Outage(outage.sinceNanos(), outage.restarts() + 1, now + pause.toNanos()));
        restarts.merge(id, 1, Integer::sum);
        log.warn("Restarting Kafka listener {} (restart {})", id, outage.restarts() + 1);
        if (container.isRunning()) {
            container.stop();
        }
        container.start();
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            boolean consuming = !container.isAutoStartup() || consuming(container);
            up &= consuming;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("consuming", consuming);
            detail.put("lag", lag(container));
            detail.put("restarts", restarts.getOrDefault(container.getListenerId(), 0));
            Outage outage = outages.get(container.getListenerId());
            if (outage != null) {
                detail.put("stoppedFor", Duration.ofNanos(System.nanoTime() - outage.sinceNanos()).toString());
            }
            details.put(container.getListenerId(), detail);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** A concurrent container stays running when one of its consumers stops; each consumer is looked at. */
    static boolean consuming(MessageListenerContainer container) {
        if (!container.isRunning()) {
            return false;
        }
        if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
            List<? extends MessageListenerContainer> children = new ArrayList<>(concurrent.getContainers());
            return !children.isEmpty() && children.stream().allMatch(MessageListenerContainer::isRunning);
        }
        return true;
    }

    /** The sum over the listener's consumers of the client's own {@code records-lag} per assigned partition. */
    static double lag(MessageListenerContainer container) {
        if (!consuming(container)) {
            return Double.NaN;
        }
        double lag = 0;
        for (Map<MetricName, ? extends Metric> client : container.metrics().values()) {
            for (Map.Entry<MetricName, ? extends Metric> metric : client.entrySet()) {
                MetricName name = metric.getKey();
                if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                        && metric.getValue().metricValue() instanceof Number value
                        && !Double.isNaN(value.doubleValue())) {
                    lag += value.doubleValue();
                }
            }
        }
        return lag;
    }
}
