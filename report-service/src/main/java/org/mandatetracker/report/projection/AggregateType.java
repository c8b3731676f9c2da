package org.mandatetracker.report.projection;

import org.mandatetracker.citation.Fact;
import org.mandatetracker.mandate.api.BodyEvent;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;

/**
 * The three kinds of aggregate facts come from, each with its stored view, and which of its facts that view is
 * folded from: all of a body's or a mandate's, only a meeting's lifecycle (not what it adopted or issued).
 */
public enum AggregateType {
    BODY("org.mandatetracker.mandate.Body%"),
    MANDATE("org.mandatetracker.mandate.Mandate%"),
    MEETING("org.mandatetracker.meeting.Meeting%");

    /** The SQL {@code LIKE} pattern of the {@code event_type} of the facts its view is folded from. */
    public final String viewFacts;

    AggregateType(String viewFacts) {
        this.viewFacts = viewFacts;
    }

    public static AggregateType of(Fact event) {
        return event instanceof BodyEvent ? BODY : event instanceof MandateEvent ? MANDATE : MEETING;
    }

    /** Whether the fact changes its aggregate's stored view. */
    public static boolean changesView(Fact event) {
        return event instanceof BodyEvent || event instanceof MandateEvent || event instanceof MeetingScheduled
                || event instanceof MeetingRescheduled || event instanceof MeetingHeld
                || event instanceof MeetingPostponed || event instanceof MeetingCancelled
                || event instanceof MeetingDatesCorrected;
    }
}
