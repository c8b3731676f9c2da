package org.mandatetracker.mandate.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How mandate-service's events appear on Kafka: the topic, the CloudEvents source, and the {@code ce_type} of each
 * event record. Consumers map a {@code ce_type} back to its record here rather than redeclaring the types.
 */
public final class MandateEventTypes {

    public static final String TOPIC = "mandate.events.v1";
    public static final String SOURCE = "/mandate-service";

    private static final String TYPE_PREFIX = "org.mandatetracker.mandate.";
    private static final Map<String, Class<?>> BY_TYPE =
            Stream.of(BodyEvent.class, MandateEvent.class)
                    .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                    .collect(Collectors.toUnmodifiableMap(MandateEventTypes::typeOf, Function.identity()));

    private MandateEventTypes() {
    }

    /** The CloudEvents type of an event record, e.g. {@code org.mandatetracker.mandate.BodyEstablished}. */
    public static String typeOf(Class<?> eventClass) {
        return TYPE_PREFIX + eventClass.getSimpleName();
    }

    /** Every event record, by its CloudEvents type. */
    public static Map<String, Class<?>> all() {
        return BY_TYPE;
    }

    public static Optional<Class<?>> classOf(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(BY_TYPE.get(type));
    }
}
