package org.mandatetracker.support.relay;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mandatetracker.support.TrackerProperties;
import org.mandatetracker.support.axon.AxonSupport;
import org.mandatetracker.support.axon.RecordingMetadata;
import org.mandatetracker.support.axon.W3cTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Relays every stored event to the service's topic. The events of one processor batch are all sent at once, and
 * before the batch's unit of work commits (and with it the processor's token) every send must be acknowledged by the
 * broker; a failure rolls the batch back, so the processor backs off and relays the same events again. While the
 * broker is away commands carry on regardless.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    public static final String PROCESSING_GROUP = AxonSupport.RELAY;

    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final EventRecords records;
    private final Duration sendTimeout;
    private volatile boolean topicReady;
    /** Why the last batch could not be relayed; null once a batch has been acknowledged. */
    private volatile String failure;

    private final Supplier<Optional<W3cTracing>> tracing;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, EventRecords records,
               TrackerProperties properties, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracing = W3cTracing.lookedUpOnce(tracer, propagator);
        this.kafka = kafka;
        this.admin = admin;
        this.records = records;
        this.sendTimeout = properties.kafka().sendTimeout();
    }

    @EventHandler
    void relay(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        try {
            ensureTopic();
            ProducerRecord<String, byte[]> record = records.toRecord(event);
            tracing.get().ifPresent(w3c -> continueTrace(w3c, event, record));
            pendingSends(unitOfWork).add(kafka.send(record));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Names, as the record's W3C traceparent, a span that continues the trace of the request that recorded the event,
     * if it carried one.
     */
    private static void continueTrace(W3cTracing w3c, EventMessage<?> event, ProducerRecord<String, byte[]> record) {
        Object traceparent = event.getMetaData().get(RecordingMetadata.TRACEPARENT);
        if (traceparent == null) {
            return;
        }
        Span span = w3c.propagator().extract(Map.of(RecordingMetadata.TRACEPARENT, traceparent.toString()),
                        (carrier, key) -> carrier.get(key))
                .name("relay " + event.getPayloadType().getSimpleName())
                .kind(Span.Kind.PRODUCER)
                .start();
        w3c.propagator().inject(span.context(), record.headers(), (headers, key, value) -> {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        span.end();
    }

    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        try {
            for (CompletableFuture<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            failure = null;
        } catch (ExecutionException e) {
            throw failed(new IllegalStateException("Kafka refused an event; the batch will be relayed again",
                    e.getCause()));
        } catch (TimeoutException e) {
            throw failed(new IllegalStateException("Kafka did not acknowledge the batch within " + sendTimeout
                    + "; it will be relayed again", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new IllegalStateException("Interrupted while waiting for Kafka; the batch will be relayed "
                    + "again", e));
        }
    }

    private <E extends RuntimeException> E failed(E e) {
        failure = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause());
        return e;
    }

    /** Down while the last batch could not be relayed; the processor keeps retrying it meanwhile. */
    Health health() {
        String why = failure;
        return why == null ? Health.up().build() : Health.down().withDetail("lastFailure", why).build();
    }

    /** If the broker was away at start-up, the topic is created, with its partitions and retention, before use. */
    private void ensureTopic() {
        if (!topicReady) {
            topicReady = admin.initialize();
            if (!topicReady) {
                throw new IllegalStateException("Kafka is not reachable yet; the relay will retry");
            }
            log.info("Kafka topics are in place; relaying events");
        }
    }
}
