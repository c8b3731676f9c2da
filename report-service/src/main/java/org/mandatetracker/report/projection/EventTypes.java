package org.mandatetracker.report.projection;

import org.mandatetracker.citation.Fact;
import org.mandatetracker.mandate.api.BodyEvent;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEvent;
import org.mandatetracker.meeting.api.MeetingEventTypes;

import java.util.Optional;

/** The event records of both topics, found by their CloudEvents type, as the producing services' APIs define them. */
final class EventTypes {

    private EventTypes() {
    }

    static Optional<Class<?>> classOf(String ceType) {
        return ceType == null ? Optional.empty()
                : MandateEventTypes.classOf(ceType).or(() -> MeetingEventTypes.classOf(ceType));
    }

    static String bodyOf(Fact event) {
        if (event instanceof BodyEvent body) {
            return body.bodyId();
        }
        if (event instanceof MandateEvent mandate) {
            return mandate.bodyId();
        }
        return ((MeetingEvent) event).bodyId();
    }

    static String aggregateOf(Fact event) {
        if (event instanceof BodyEvent body) {
            return body.bodyId();
        }
        if (event instanceof MandateEvent mandate) {
            return mandate.mandateId();
        }
        return ((MeetingEvent) event).meetingId();
    }
}
