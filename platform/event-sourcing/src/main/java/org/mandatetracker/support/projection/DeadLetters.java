package org.mandatetracker.support.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The dead-letter queue of each projection: what waits in it and why, retrying and evicting, the
 * {@code tracker.dead.letters} gauge per queue, and the {@code deadLetters} health detail.
 */
public class DeadLetters implements HealthIndicator {

    /** One event waiting in a queue; {@code aggregateId} is its sequence, whose later events wait behind it. */
    public record Letter(String id, String aggregateId, long sequenceIndex, String eventId, String eventType,
                         String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    /** What a retry did: sequences applied and emptied, and sequences whose first event failed again. */
    public record Retried(int applied, int stillFailing) {
    }

    private final Projections projections;
    private final EventProcessingConfiguration processing;

    public DeadLetters(Projections projections, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.projections = projections;
        this.processing = processing;
        for (String group : projections.groups()) {
            Gauge.builder("tracker.dead.letters", () -> sizeOrNaN(group))
                    .tag("queue", group)
                    .description("Events a projection could not apply, with its aggregate's later events")
                    .register(meters);
        }
    }

    public List<String> groups() {
        return projections.groups();
    }

    public boolean knows(String group) {
        return projections.groups().contains(group);
    }

    public List<Letter> list(String group) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(view(letter));
            }
        }
        return letters;
    }

    public Optional<Letter> find(String group, String letterId) {
        return list(group).stream().filter(letter -> letter.id().equals(letterId)).findFirst();
    }

    /** Retries the sequence the letter heads or waits in, from its first event; true if all of it now applied. */
    public boolean retry(String group, Letter letter) {
        return processor(group).process(sequenceOf(letter.aggregateId()))
                && !queue(group).contains(letter.aggregateId());
    }

    /** Retries every sequence in the queue once, each from its first event. */
    public Retried retryAll(String group) {
        int applied = 0;
        int stillFailing = 0;
        for (String aggregateId : list(group).stream().map(Letter::aggregateId).distinct().toList()) {
            if (processor(group).process(sequenceOf(aggregateId)) && !queue(group).contains(aggregateId)) {
                applied++;
            } else {
                stillFailing++;
            }
        }
        return new Retried(applied, stillFailing);
    }

    /** Drops one event from the queue for good; the events behind it in its sequence stay. */
    public boolean evict(String group, String letterId) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letterId.equals(idOf(letter))) {
                    evict(queue(group), letter);
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (String group : projections.groups()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            long size = queue.size();
            detail.put("deadLetters", size);
            detail.put("aggregatesHeldBack", queue.amountOfSequences());
            if (size > 0) {
                detail.put("first", list(group).stream().limit(5)
                        .map(l -> l.aggregateId() + ": " + l.causeType() + ": " + l.causeMessage()).toList());
            }
            health.withDetail(group, detail);
        }
        return health.build();
    }

    private double sizeOrNaN(String group) {
        try {
            return queue(group).size();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + group));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter processor for " + group));
    }

    private static Predicate<DeadLetter<? extends EventMessage<?>>> sequenceOf(String aggregateId) {
        return letter -> aggregateId.equals(aggregateIdOf(letter));
    }

    @SuppressWarnings("unchecked")
    private static <E extends EventMessage<?>> void evict(SequencedDeadLetterQueue<E> queue,
                                                          DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict((DeadLetter<? extends E>) letter);
    }

    private static Letter view(DeadLetter<? extends EventMessage<?>> letter) {
        Optional<Cause> cause = letter.cause();
        return new Letter(idOf(letter), aggregateIdOf(letter),
                letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIndex() : -1,
                letter.message().getIdentifier(), letter.message().getPayloadType().getName(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }

    private static String idOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getIdentifier() : letter.message().getIdentifier();
    }

    private static String aggregateIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }
}
