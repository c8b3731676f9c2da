package org.mandatetracker.report.query;

import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.report.projection.StoredFact;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meetings as known on a date, folded from their facts in each meeting's own order. Only facts that had happened
 * by then count; a date correction counts whenever the dates it corrects do, since it mends the record rather than
 * reporting something new.
 */
public final class SessionCalendar {

    private final Map<String, MeetingState> meetings;

    private SessionCalendar(Map<String, MeetingState> meetings) {
        this.meetings = meetings;
    }

    public static SessionCalendar asOf(List<StoredFact> meetingFacts, LocalDate asOf) {
        Map<String, MeetingState> meetings = new LinkedHashMap<>();
        meetingFacts.stream()
                .sorted(Comparator.comparing(StoredFact::aggregateId).thenComparingLong(StoredFact::aggregateSeq)
                        .thenComparingLong(StoredFact::position))
                .forEach(fact -> apply(meetings, fact, asOf));
        return new SessionCalendar(meetings);
    }

    private static void apply(Map<String, MeetingState> meetings, StoredFact fact, LocalDate asOf) {
        Object event = fact.event();
        if (event instanceof MeetingDatesCorrected e) {
            meetings.computeIfPresent(e.meetingId(), (id, m) -> e.which() == MeetingDatesCorrected.Dates.PLANNED
                    ? m.planned(e.occurredOn(), e.endsOn(), m.status())
                    : m.heldFrom() == null ? m : m.held(e.occurredOn(), e.endsOn()));
        } else if (fact.occurredOn().isAfter(asOf)) {
            return;
        } else if (event instanceof MeetingScheduled e) {
            meetings.put(e.meetingId(), new MeetingState(e.meetingId(), e.bodyId(), e.title(), e.session(),
                    e.venue(), e.plannedStart(), e.plannedEnd(), null, null, MeetingState.Status.SCHEDULED));
        } else if (event instanceof MeetingRescheduled e) {
            meetings.computeIfPresent(e.meetingId(),
                    (id, m) -> m.planned(e.plannedStart(), e.plannedEnd(), MeetingState.Status.SCHEDULED));
        } else if (event instanceof MeetingHeld e) {
            meetings.computeIfPresent(e.meetingId(), (id, m) -> m.held(e.occurredOn(), e.endedOn()));
        } else if (event instanceof MeetingPostponed e) {
            meetings.computeIfPresent(e.meetingId(), (id, m) -> m.withStatus(MeetingState.Status.POSTPONED));
        } else if (event instanceof MeetingCancelled e) {
            meetings.computeIfPresent(e.meetingId(), (id, m) -> m.withStatus(MeetingState.Status.CANCELLED));
        }
    }

    /** Session {@code number} of the body: the meeting holding it, preferring one that is not cancelled. */
    public Optional<MeetingState> session(String bodyId, int number) {
        return meetings.values().stream()
                .filter(m -> bodyId.equals(m.bodyId()) && m.session() != null && m.session() == number)
                .min(Comparator.comparing(m -> m.status() == MeetingState.Status.CANCELLED));
    }

    public Collection<MeetingState> meetings() {
        return meetings.values();
    }
}
