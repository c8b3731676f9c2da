package org.mandatetracker.report.query;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.mandatetracker.report.projection.MeetingState;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Set;

/**
 * An RFC 5545 calendar of meetings (held or planned dates; cancelled ones marked so) and of mandates' resolved
 * deadlines, optionally for one body. Events are all-day and keep stable UIDs, so a subscribed client updates them.
 * It is written event by event as the rows are read, so a large calendar is never held in memory.
 */
@Component
public class CalendarFeed {

    private static final String END = "END:VCALENDAR";

    private final JdbcClient jdbc;
    private final MandateReports mandates;

    public CalendarFeed(JdbcClient jdbc, MandateReports mandates) {
        this.jdbc = jdbc;
        this.mandates = mandates;
    }

    public void write(String bodyId, LocalDate asOf, Writer out) throws IOException {
        String empty = new Calendar().withProdId("-//Mandate Tracker//report-service//EN").withDefaults()
                .getFluentTarget().toString();
        out.write(empty, 0, empty.indexOf(END));
        var meetings = jdbc.sql("SELECT * FROM meeting_version WHERE valid_from <= :asOf AND :asOf < valid_to"
                        + (bodyId == null ? "" : " AND body_id = :body") + " ORDER BY meeting_id")
                .param("asOf", asOf);
        if (bodyId != null) {
            meetings = meetings.param("body", bodyId);
        }
        meetings.query((RowCallbackHandler) rs -> write(out, meeting(new MeetingState(rs.getString("meeting_id"),
                rs.getString("body_id"), rs.getString("title"), (Integer) rs.getObject("session_no"),
                rs.getString("venue"), rs.getDate("planned_start").toLocalDate(),
                rs.getDate("planned_end").toLocalDate(), date(rs.getDate("held_from")), date(rs.getDate("held_to")),
                MeetingState.Status.valueOf(rs.getString("state"))))));
        mandates.forEach(new MandateQuery(asOf, Set.of(), bodyId, null, null), report -> {
            if (report.resolvedDue() != null) {
                write(out, deadline(report));
            }
        });
        out.write(END + "\r\n");
    }

    private static void write(Writer out, VEvent event) {
        try {
            out.write(event.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(java.sql.Date column) {
        return column == null ? null : column.toLocalDate();
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
