package org.mandatetracker.report.projection;

import java.time.LocalDate;

/**
 * One version of a meeting that holds a numbered session: what a session-relative deadline is resolved against.
 *
 * @param validTo exclusive; {@code null} while it is the meeting's latest version
 * @param opensOn the day it opened, or is planned to open
 */
public record SessionMeeting(String meetingId, LocalDate validFrom, LocalDate validTo, MeetingState.Status status,
                             LocalDate opensOn) {

    boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || date.isBefore(validTo));
    }
}
