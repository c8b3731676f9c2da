package org.mandatetracker.support.relay;

import java.util.function.Function;

/**
 * Where and how a service publishes its events: the Kafka topic, the CloudEvents {@code source}, and the
 * {@code ce_type} of each event record, as its {@code *-api} module defines them.
 */
public record EventPublication(String topic, String source, Function<Class<?>, String> typeOf) {
}
