package org.mandatetracker.support.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's dimensional metrics for the event processors and the command bus, the same meters, but with capacity (the
 * share of time spent handling messages) measured over the last minute in sixty one-second sums. Axon's own capacity
 * meter keeps every message's handling time for its whole window (ten minutes), in a skip list per meter: under a held
 * 200 events/s that was 375,000 entries, about 30 MB of meeting-service's live heap; with a one-minute window, 800
 * commands/s still kept 173,000 entries (15 MB) in mandate-service, each promoted before it expired, and it registered
 * its gauge again for every message. Sixty sums hold the same figure in constant memory.
 */
class OneMinuteCapacityMetrics extends GlobalMetricRegistry {

    static final int WINDOW_SECONDS = 60;

    OneMinuteCapacityMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(getRegistry())
                        .tagsBuilder(latencyTags).build(),
                new CapacityMonitor(name + ".capacity", getRegistry(), tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                new CapacityMonitor(name + ".capacity", getRegistry(), tags),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
    }

    /** A gauge per set of tags: the handling time that ended in the last minute, over a minute. */
    private static final class CapacityMonitor implements MessageMonitor<Message<?>> {

        private final String name;
        private final MeterRegistry registry;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final Clock clock;
        private final Map<Tags, Seconds> byTags = new ConcurrentHashMap<>();

        CapacityMonitor(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.registry = registry;
            this.tags = tags;
            this.clock = registry.config().clock();
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            Seconds seconds = byTags.computeIfAbsent(Tags.of(tags.apply(message)), this::registered);
            long start = clock.monotonicTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    seconds.add(clock.monotonicTime(), start);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    seconds.add(clock.monotonicTime(), start);
                }

                @Override
                public void reportIgnored() {
                    seconds.add(clock.monotonicTime(), start);
                }
            };
        }

        private Seconds registered(Tags meterTags) {
            Seconds seconds = new Seconds();
            registry.gauge(name, meterTags, seconds, s -> s.share(clock.monotonicTime()));
            return seconds;
        }
    }

    /** The handling time that ended in each of the last sixty seconds, each slot reused a minute later. */
    private static final class Seconds {

        private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

        private final long[] second = new long[WINDOW_SECONDS];
        private final long[] busyNanos = new long[WINDOW_SECONDS];

        synchronized void add(long now, long start) {
            long current = Math.floorDiv(now, SECOND);
            int slot = (int) Math.floorMod(current, WINDOW_SECONDS);
            if (second[slot] != current) {
                second[slot] = current;
                busyNanos[slot] = 0;
            }
            busyNanos[slot] += now - start;
        }

        synchronized double share(long now) {
            long current = Math.floorDiv(now, SECOND);
            long busy = 0;
            for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
                if (current - second[slot] < WINDOW_SECONDS) {
                    busy += busyNanos[slot];
                }
            }
            return (double) busy / (WINDOW_SECONDS * SECOND);
        }
    }
}
