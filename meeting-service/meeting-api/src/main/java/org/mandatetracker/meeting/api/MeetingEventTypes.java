package org.mandatetracker.meeting.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How meeting-service's events appear on Kafka: the topic, the CloudEvents source, and the {@code ce_type} of each
 * event record. Consumers map a {@code ce_type} back to its record here rather than redeclaring the types.
 */
public final class MeetingEventTypes {

    public static final String TOPIC = "meeting.events.v1";
    public static final String SOURCE = "/meeting-service";

    private static final String TYPE_PREFIX = "org.mandatetracker.meeting.";
    private static final Map<String, Class<?>> BY_TYPE = Arrays.stream(MeetingEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(MeetingEventTypes::typeOf, Function.identity()));

    private MeetingEventTypes() {
    }

    /** The CloudEvents type of an event record, e.g. {@code org.mandatetracker.meeting.MeetingHeld}. */
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
