package org.mandatetracker.report.query;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.mandatetracker.report.projection.MeetingState;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 5545 calendar of meetings (held or planned dates; cancelled ones marked so) and of mandates' resolved
 * deadlines, optionally for one body. Events are all-day and keep stable UIDs, so a subscribed client updates them;
 * every summary names the body. It is written event by event as the rows are read, so a large calendar is never
 * held in memory, and folded at 75 octets.
 */
@Component
public class CalendarFeed {

    /** How often calendar apps should fetch the feed again. */
    static final Duration REFRESH = Duration.ofHours(1);
    static final int SUMMARY_LENGTH = 80;
    private static final String END = "END:VCALENDAR";
    private static final Set<MandateStatus> CLOSED = EnumSet.of(MandateStatus.FULFILLED, MandateStatus.TERMINATED,
            MandateStatus.SUPERSEDED);

    private final JdbcClient jdbc;
    private final MandateReports mandates;

    public CalendarFeed(JdbcClient jdbc, MandateReports mandates) {
        this.jdbc = jdbc;
        this.mandates = mandates;
    }

    /**
     * @param bodyId        one body's events, or everyone's when null
     * @param includeClosed whether fulfilled, terminated and superseded mandates' deadlines are listed (marked)
     * @param url           where the feed is fetched from, for the URL property
     */
    public record Options(String bodyId, LocalDate asOf, boolean includeClosed, URI url) {
    }

    public void write(Options options, Writer target) throws IOException {
        Writer out = new OctetFoldingWriter(target);
        Map<String, String> bodies = bodyNames(options);
        String name = options.bodyId() == null ? "Mandate Tracker"
                : bodies.getOrDefault(options.bodyId(), options.bodyId()) + " \u2013 Mandate Tracker";
        Calendar calendar = new Calendar().withProdId("-//Mandate Tracker//report-service//EN").withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .withProperty(new Name(name))
                .withProperty(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .withProperty(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))
                .getFluentTarget();
        if (options.url() != null) {
            calendar.add(new Url(options.url()));
        }
        String head = calendar.toString();
        out.write(head, 0, head.indexOf(END));
        var meetings = jdbc.sql("SELECT * FROM meeting_version WHERE valid_from <= :asOf AND :asOf < valid_to"
                        + (options.bodyId() == null ? "" : " AND body_id = :body") + " ORDER BY meeting_id")
                .param("asOf", options.asOf());
        if (options.bodyId() != null) {
            meetings = meetings.param("body", options.bodyId());
        }
        meetings.query((RowCallbackHandler) rs -> write(out, meeting(new MeetingState(rs.getString("meeting_id"),
                rs.getString("body_id"), rs.getString("title"), (Integer) rs.getObject("session_no"),
                rs.getString("venue"), rs.getDate("planned_start").toLocalDate(),
                rs.getDate("planned_end").toLocalDate(), date(rs.getDate("held_from")), date(rs.getDate("held_to")),
                MeetingState.Status.valueOf(rs.getString("state"))), bodies)));
        Set<MandateStatus> statuses = options.includeClosed() ? Set.of() : EnumSet.complementOf(EnumSet.copyOf(CLOSED));
        mandates.forEach(new MandateQuery(options.asOf(), statuses, options.bodyId(), null, null), report -> {
            if (report.resolvedDue() != null) {
                write(out, deadline(report, bodies));
            }
        });
        out.write(END + "\r\n");
        out.flush();
    }

    /** Short names (else names) of the bodies in the feed, as of its date. */
    private Map<String, String> bodyNames(Options options) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT body_id, name, short_name FROM body_version WHERE valid_from <= :asOf AND :asOf < valid_to"
                        + (options.bodyId() == null ? "" : " AND body_id = :body"))
                .param("asOf", options.asOf())
                .params(options.bodyId() == null ? Map.of() : Map.of("body", options.bodyId()))
                .query((RowCallbackHandler) rs -> names.put(rs.getString("body_id"),
                        rs.getString("short_name").isBlank() ? rs.getString("name") : rs.getString("short_name")));
        return names;
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

    private static VEvent meeting(MeetingState m, Map<String, String> bodies) {
        VEvent event = new VEvent(m.start(), m.end().plusDays(1),
                summary(bodies.getOrDefault(m.bodyId(), m.bodyId()) + ": ", m.title()));
        event.add(new Uid("meeting-" + m.meetingId() + "@mandatetracker"));
        if (m.venue() != null) {
            event.add(new Location(m.venue()));
        }
        event.add(m.status() == MeetingState.Status.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : m.status() == MeetingState.Status.POSTPONED ? ImmutableStatus.VEVENT_TENTATIVE
                : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static VEvent deadline(MandateReport r, Map<String, String> bodies) {
        String state = switch (r.status()) {
            case FULFILLED -> "Fulfilled";
            case TERMINATED -> "Terminated";
            case SUPERSEDED -> "Superseded";
            default -> "Due";
        };
        VEvent event = new VEvent(r.resolvedDue(), r.resolvedDue().plusDays(1),
                summary(state + " (" + bodies.getOrDefault(r.bodyId(), r.bodyId()) + "): ", r.task()));
        event.add(new Uid("mandate-" + r.id() + "@mandatetracker"));
        event.add(new Description(r.task() + "\nDeadline: " + r.deadlineText() + "\nSource: " + r.source()
                + "\nStatus: " + r.status() + (r.closedOn() == null ? "" : " on " + r.closedOn())));
        event.add(r.status() == MandateStatus.TERMINATED || r.status() == MandateStatus.SUPERSEDED
                ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    /** The prefix and as many whole words of the text as fit in {@value #SUMMARY_LENGTH} chars, then an ellipsis. */
    static String summary(String prefix, String text) {
        String whole = prefix + text.strip();
        if (whole.length() <= SUMMARY_LENGTH) {
            return whole;
        }
        int cut = whole.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        if (cut <= prefix.length()) {
            int wordEnd = whole.indexOf(' ', prefix.length());
            return wordEnd < 0 ? whole : whole.substring(0, wordEnd) + "\u2026";
        }
        return whole.substring(0, cut).replaceAll("[\\s,;:.\u2013-]+$", "") + "\u2026";
    }
}
