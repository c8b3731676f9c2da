package org.mandatetracker.meeting.api;

/** What sort of meeting a session is. Numbered sessions ("the sixth session") are regular ones. */
public enum MeetingKind {
    REGULAR, SPECIAL, INTERSESSIONAL, RESUMED
}
