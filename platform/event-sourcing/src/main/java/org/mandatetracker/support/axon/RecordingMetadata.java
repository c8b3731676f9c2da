package org.mandatetracker.support.axon;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.mandatetracker.support.web.CorrelationIdFilter;
import org.mandatetracker.support.web.InvalidRequest;
import org.slf4j.MDC;
import org.mandatetracker.support.TrackerProperties;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Stamps every command with who recorded it ({@code X-Recorded-By}, or a configured default), when, the request's
 * correlation id, and its W3C {@code traceparent}. Axon copies these onto every event the command causes, so the
 * relay can continue the request's trace when it publishes them.
 */
public class RecordingMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String RECORDED_BY = "recordedBy";
    public static final String RECORDED_AT = "recordedAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String RECORDED_BY_HEADER = "X-Recorded-By";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern RECORDER = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    private final String defaultRecorder;
    private final Supplier<Optional<W3cTracing>> tracing;

    public RecordingMetadata(TrackerProperties properties, ObjectProvider<Tracer> tracer,
                             ObjectProvider<Propagator> propagator) {
        this.defaultRecorder = properties.recordedByDefault();
        this.tracing = W3cTracing.lookedUpOnce(tracer, propagator);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, String> metadata = new HashMap<>(Map.of(
                RECORDED_BY, recorder(),
                RECORDED_AT, Instant.now().toString(),
                CORRELATION_ID, correlationId()));
        traceContext(metadata);
        return (index, command) -> command.andMetaData(metadata);
    }

    /** The current span's W3C trace context, when the service is tracing. */
    private void traceContext(Map<String, String> metadata) {
        tracing.get().ifPresent(w3c -> {
            TraceContext context = w3c.tracer().currentTraceContext().context();
            if (context != null) {
                w3c.propagator().inject(context, metadata, (carrier, key, value) -> {
                    if (key.equals(TRACEPARENT)) {
                        carrier.put(key, value);
                    }
                });
            }
        });
    }

    private String recorder() {
        String header = currentRequest() == null ? null : currentRequest().getHeader(RECORDED_BY_HEADER);
        if (header == null) {
            return defaultRecorder;
        }
        String recorder = header.strip();
        if (!RECORDER.matcher(recorder).matches()) {
            throw new InvalidRequest(RECORDED_BY_HEADER, "recorder-name",
                    "X-Recorded-By must be 1 to 100 printable characters");
        }
        return recorder;
    }

    private static String correlationId() {
        String current = MDC.get(CorrelationIdFilter.MDC_KEY);
        return current != null ? current : UUID.randomUUID().toString();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
