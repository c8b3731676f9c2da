package org.mandatetracker.support.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;

/**
 * The event store as pooled streaming processors read it, with word as soon as a new event is readable. Axon's
 * embedded event store cannot call back, and without a call-back a pooled processor looks for new events only every
 * 500 ms; here each open stream is read ahead on a thread of its own, which wakes the processor for every event.
 */
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final ThreadFactory READERS = new AxonThreadFactory("EventReadAhead");

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final int readAhead;

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, int readAhead) {
        this.store = store;
        this.readAhead = readAhead;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new ReadAheadStream<>(store.openStream(trackingToken), readAhead, READERS);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }
}
