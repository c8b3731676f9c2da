package org.mandatetracker.report.query;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * An RFC 5545 calendar of meetings (held or planned dates; cancelled ones marked so) and of mandates' resolved
 * deadlines, optionally for one body. Events are all-day and keep stable UIDs, so a subscribed client updates them.
 */
@Component
public class CalendarFeed {

    private final MandateReports mandates;

    public CalendarFeed(MandateReports mandates) {
        this.mandates = mandates;
    }

    public Calendar of(String bodyId, LocalDate today) {
        Calendar calendar = new Calendar()
                .withProdId("-//Mandate Tracker//report-service//EN")
                .withDefaults()
                .getFluentTarget();
        mandates.calendar(today).meetings().stream()
                .filter(m -> bodyId == null || bodyId.equals(m.bodyId()))
                .forEach(m -> calendar.add(meeting(m)));
        mandates.all(today).stream()
                .filter(r -> r.resolvedDue() != null && (bodyId == null || bodyId.equals(r.bodyId())))
                .forEach(r -> calendar.add(deadline(r)));
        return calendar;
    }

    private static VEvent meeting(MeetingState m) {
        VEvent event = new VEvent(m.start(), m.end().plusDays(1), m.title());
        event.add(new Uid("meeting-" + m.meetingId() + "@mandatetracker"));
        if (m.venue() != null) {
            event.add(new Location(m.venue()));
        }
        event.add(m.status() == MeetingState.Status.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : m.status() == MeetingState.Status.POSTPONED ? ImmutableStatus.VEVENT_TENTATIVE
                : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static VEvent deadline(MandateReport r) {
        VEvent event = new VEvent(r.resolvedDue(), r.resolvedDue().plusDays(1), "Due: " + shorten(r.task()));
        event.add(new Uid("mandate-" + r.id() + "@mandatetracker"));
        event.add(new Description(r.task() + "\nDeadline: " + r.deadlineText() + "\nSource: " + r.source()
                + "\nStatus: " + r.status()));
        return event;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "\u2026";
    }
}
