package org.mandatetracker.support.relay;

import java.util.Map;
import java.util.function.Function;

/**
 * Where and how a service publishes its events: the Kafka topic, the CloudEvents {@code source}, and the
 * {@code ce_type} of each event record, as its {@code *-api} module defines them.
 *
 * @param events every event record the topic carries, by its {@code ce_type}, for the AsyncAPI document
 */
public record EventPublication(String topic, String source, Function<Class<?>, String> typeOf,
                               Map<String, Class<?>> events) {

    public EventPublication(String topic, String source, Function<Class<?>, String> typeOf) {
        this(topic, source, typeOf, Map.of());
    }
}
