package org.mandatetracker.support.axon;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Capacity is the share of the last minute spent handling messages, and what is older than that is let go; the
 * meters are Axon's own.
 */
class OneMinuteCapacityMetricsTests {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final OneMinuteCapacityMetrics metrics = new OneMinuteCapacityMetrics(meters);

    @Test
    void aCommandHandledForHalfAMinuteIsHalfTheCommandBusCapacityUntilAMinuteHasPassed() {
        MessageMonitor<? super org.axonframework.commandhandling.CommandMessage<?>> monitor =
                metrics.registerCommandBus("commandBus", message -> Tags.empty());

        MessageMonitor.MonitorCallback handling =
                monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("record"));
        clock.add(Duration.ofSeconds(30));
        handling.reportSuccess();

        assertThat(capacity("commandBus.capacity")).isEqualTo(0.5);
        clock.add(Duration.ofSeconds(61));
        assertThat(capacity("commandBus.capacity")).isZero();
    }

    @Test
    void anEventProcessorHasAxonsOwnMetersWithItsCapacityOverTheLastMinute() {
        SimpleMeterRegistry axonsMeters = new SimpleMeterRegistry();
        handleAnEventForSixSeconds(new GlobalMetricRegistry(axonsMeters));
        handleAnEventForSixSeconds(metrics);

        assertThat(ids(meters)).isEqualTo(ids(axonsMeters))
                .contains("eventProcessor.capacity [tag(processorName=relay)]");
        assertThat(capacity("eventProcessor.capacity")).isEqualTo(0.1);
    }

    @Test
    void everyOutcomeCountsAndTheMinuteRollsOnSecondBySecond() {
        MessageMonitor<? super org.axonframework.commandhandling.CommandMessage<?>> monitor =
                metrics.registerCommandBus("commandBus", message -> Tags.empty());
        for (int second = 0; second < 90; second++) {
            MessageMonitor.MonitorCallback handling =
                    monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("record"));
            clock.add(Duration.ofMillis(250));
            switch (second % 3) {
                case 0 -> handling.reportSuccess();
                case 1 -> handling.reportFailure(new IllegalStateException("refused"));
                default -> handling.reportIgnored();
            }
            clock.add(Duration.ofMillis(750));
        }
        // The minute is the current second and the 59 before it: now in second 90, seconds 31 to 89 each held 0.25 s.
        assertThat(capacity("commandBus.capacity")).isCloseTo(59 * 0.25 / 60, within(1e-9));

        clock.add(Duration.ofSeconds(30));
        assertThat(capacity("commandBus.capacity")).isCloseTo(29 * 0.25 / 60, within(1e-9));
    }

    @Test
    void eachSetOfTagsHasAGaugeOfItsOwn() {
        MessageMonitor<? super org.axonframework.eventhandling.EventMessage<?>> monitor = metrics.registerEventProcessor(
                "eventProcessor", message -> Tags.of("payloadType", message.getPayloadType().getSimpleName()),
                message -> Tags.empty());
        for (int i = 0; i < 3; i++) {
            MessageMonitor.MonitorCallback handling =
                    monitor.onMessageIngested(GenericEventMessage.asEventMessage(i == 0 ? "recorded" : (Object) i));
            clock.add(Duration.ofSeconds(3));
            handling.reportSuccess();
        }
        assertThat(meters.get("eventProcessor.capacity").tag("payloadType", "String").gauge().value())
                .isCloseTo(0.05, within(1e-9));
        assertThat(meters.get("eventProcessor.capacity").tag("payloadType", "Integer").gauge().value())
                .isCloseTo(0.1, within(1e-9));
    }

    @Test
    void aMinuteOfMessagesIsNotKeptOnePerMessage() {
        long axons = retainedAfterAMinuteOfCommands(new GlobalMetricRegistry(new SimpleMeterRegistry()));
        long ours = retainedAfterAMinuteOfCommands(
                new OneMinuteCapacityMetrics(new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock)));

        assertThat(axons).as("the control: Axon's meters keep an entry per message").isGreaterThan(8_000_000);
        assertThat(ours).isLessThan(1_000_000);
    }

    /** Heap still in use after 200,000 commands, each handled for a millisecond, with the monitor kept alive. */
    private long retainedAfterAMinuteOfCommands(GlobalMetricRegistry registry) {
        long before = usedAfterCollection();
        MessageMonitor<? super org.axonframework.commandhandling.CommandMessage<?>> monitor =
                registry.registerCommandBus("commandBus", message -> Tags.empty());
        var command = GenericCommandMessage.asCommandMessage("record");
        for (int i = 0; i < 200_000; i++) {
            monitor.onMessageIngested(command).reportSuccess();
        }
        long retained = usedAfterCollection() - before;
        // what the monitor holds counts only while the monitor itself is still reachable
        Reference.reachabilityFence(monitor);
        return retained;
    }

    private static long usedAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private void handleAnEventForSixSeconds(GlobalMetricRegistry registry) {
        MessageMonitor.MonitorCallback handling = registry.registerEventProcessor("eventProcessor",
                        message -> Tags.of("processorName", "relay"), message -> Tags.of("processorName", "relay"))
                .onMessageIngested(GenericEventMessage.asEventMessage("recorded"));
        clock.add(Duration.ofSeconds(6));
        handling.reportSuccess();
    }

    private static Set<String> ids(SimpleMeterRegistry registry) {
        return registry.getMeters().stream().map(meter -> meter.getId().getName() + " " + meter.getId().getTags())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private double capacity(String name) {
        return meters.get(name).gauge().value();
    }
}
