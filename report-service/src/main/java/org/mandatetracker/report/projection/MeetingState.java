package org.mandatetracker.report.projection;

import java.time.LocalDate;

/** A meeting as known on some date: its planned dates, and its held dates once held. */
public record MeetingState(
        String meetingId, String bodyId, String title, Integer session, String venue, LocalDate plannedStart,
        LocalDate plannedEnd, LocalDate heldFrom, LocalDate heldTo, Status status) {

    public enum Status { SCHEDULED, POSTPONED, HELD, CANCELLED }

    /** The day it opened, or is planned to open. */
    public LocalDate start() {
        return heldFrom != null ? heldFrom : plannedStart;
    }

    public LocalDate end() {
        return heldTo != null ? heldTo : plannedEnd;
    }

    MeetingState planned(LocalDate start, LocalDate end, Status newStatus) {
        return new MeetingState(meetingId, bodyId, title, session, venue, start, end, heldFrom, heldTo, newStatus);
    }

    MeetingState held(LocalDate from, LocalDate to) {
        return new MeetingState(meetingId, bodyId, title, session, venue, plannedStart, plannedEnd, from, to,
                Status.HELD);
    }

    MeetingState withStatus(Status newStatus) {
        return new MeetingState(meetingId, bodyId, title, session, venue, plannedStart, plannedEnd, heldFrom, heldTo,
                newStatus);
    }
}
