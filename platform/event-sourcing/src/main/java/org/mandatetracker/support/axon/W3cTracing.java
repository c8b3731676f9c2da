package org.mandatetracker.support.axon;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service's tracer and W3C propagator, present only when the service traces. Looked up once: resolving them
 * through the bean factory on every command and event was 3% of mandate-service's CPU under load.
 */
public record W3cTracing(Tracer tracer, Propagator propagator) {

    public static Supplier<Optional<W3cTracing>> lookedUpOnce(ObjectProvider<Tracer> tracer,
                                                              ObjectProvider<Propagator> propagator) {
        return SingletonSupplier.of(() -> {
            Tracer current = tracer.getIfAvailable();
            Propagator w3c = propagator.getIfAvailable();
            return current == null || w3c == null ? Optional.empty() : Optional.of(new W3cTracing(current, w3c));
        });
    }
}
