package org.mandatetracker.mandate.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Reads an aggregate's own events straight from the event store, the record of truth. Reading from sequence 0
 * bypasses snapshots, so every event is listed.
 */
@Component
public class EventHistory {

    private final EventStore eventStore;

    public EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The body's events in order, or empty when no body has that id. */
    public Optional<List<RecordedEvent>> ofBody(String bodyId) {
        List<RecordedEvent> events = eventStore.readEvents(bodyId, 0).asStream().map(EventHistory::toRecorded).toList();
        boolean isBody = !events.isEmpty() && events.get(0).payload() instanceof BodyEstablished;
        return isBody ? Optional.of(events) : Optional.empty();
    }

    private static RecordedEvent toRecorded(DomainEventMessage<?> event) {
        return new RecordedEvent(event.getIdentifier(), event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), event.getMetaData(), event.getPayload());
    }
}
