package org.mandatetracker.bench.seed;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeedGeneratorTests {

    private record Emitted(String topic, String source, String aggregateId, long sequence, Object event) {
    }

    private final Layout layout = new Layout("bench-a1b2c3");

    private List<Emitted> generate(SeedGenerator generator, long facts) {
        List<Emitted> emitted = new ArrayList<>();
        generator.growTo(facts, (topic, source, aggregateId, sequence, event) ->
                emitted.add(new Emitted(topic, source, aggregateId, sequence, event)));
        return emitted;
    }

    @Test
    void growsByWholeBodiesOfAboutAHundredFactsAndCarriesOnWhereItStopped() {
        SeedGenerator generator = new SeedGenerator(layout);
        List<Emitted> first = generate(generator, 1_000);
        assertThat(generator.facts()).isEqualTo(first.size()).isBetween(1_000L, 1_100L);
        assertThat(generator.facts() / generator.bodies()).isBetween(90L, 110L);

        int bodies = generator.bodies();
        List<Emitted> more = generate(generator, 3_000);
        assertThat(generator.facts()).isEqualTo(first.size() + more.size());
        assertThat(more).noneMatch(e -> e.aggregateId().equals(layout.bodyId(0)));
        assertThat(more.get(0).aggregateId()).isEqualTo(layout.bodyId(bodies));
    }

    @Test
    void numbersEachAggregatesEventsFromZeroWithoutGaps() {
        Map<String, Long> next = new HashMap<>();
        for (Emitted e : generate(new SeedGenerator(layout), 2_000)) {
            assertThat(e.sequence()).as(e.aggregateId()).isEqualTo(next.getOrDefault(e.aggregateId(), 0L));
            next.put(e.aggregateId(), e.sequence() + 1);
        }
    }

    @Test
    void usesEveryDeadlineForm() {
        Set<Class<?>> forms = new HashSet<>();
        generate(new SeedGenerator(layout), 1_000).stream().map(Emitted::event)
                .filter(MandateConferred.class::isInstance)
                .forEach(e -> forms.add(((MandateConferred) e).deadline().getClass()));
        assertThat(forms).containsExactlyInAnyOrder(Deadline.OnDate.class, Deadline.BeforeSession.class,
                Deadline.AtSession.class, Deadline.Standing.class);
    }

    @Test
    void publishesEachFactAsTheRelayDoesAndItReadsBackAsTheSameRecord() throws Exception {
        for (Emitted e : generate(new SeedGenerator(layout), 500)) {
            ProducerRecord<String, byte[]> record = SeedPublisher.toRecord(e.topic(), e.source(), e.aggregateId(),
                    e.sequence(), e.event(), "correlation");
            assertThat(record.key()).isEqualTo(e.aggregateId());
            assertThat(header(record, "ce_subject")).isEqualTo(e.aggregateId());
            assertThat(header(record, "ce_aggregatesequence")).isEqualTo(Long.toString(e.sequence()));
            assertThat(header(record, "ce_recordedby")).isEqualTo(SeedPublisher.RECORDED_BY);
            assertThat(header(record, "ce_source")).isEqualTo(e.source());
            Class<?> type = (e.topic().equals(MandateEventTypes.TOPIC) ? MandateEventTypes.classOf(header(record,
                    "ce_type")) : MeetingEventTypes.classOf(header(record, "ce_type"))).orElseThrow();
            assertThat(SeedPublisher.JSON.readValue(record.value(), type)).isEqualTo(e.event());
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
