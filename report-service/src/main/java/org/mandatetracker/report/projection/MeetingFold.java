package org.mandatetracker.report.projection;

import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One meeting as known on a date, folded from its lifecycle facts in its own order. Only facts that had happened by
 * then count; a date correction counts whenever the dates it corrects do, since it mends the record rather than
 * reporting something new.
 */
public final class MeetingFold {

    private MeetingFold() {
    }

    /** @param facts one meeting's facts, in its own order */
    public static Optional<MeetingState> asOf(List<StoredFact> facts, LocalDate asOf) {
        MeetingState meeting = null;
        for (StoredFact fact : facts) {
            Object event = fact.event();
            if (event instanceof MeetingDatesCorrected e) {
                if (meeting != null) {
                    meeting = e.which() == MeetingDatesCorrected.Dates.PLANNED
                            ? meeting.planned(e.occurredOn(), e.endsOn(), meeting.status())
                            : meeting.heldFrom() == null ? meeting : meeting.held(e.occurredOn(), e.endsOn());
                }
            } else if (fact.occurredOn().isAfter(asOf)) {
                continue;
            } else if (event instanceof MeetingScheduled e) {
                meeting = new MeetingState(e.meetingId(), e.bodyId(), e.title(), e.session(), e.venue(),
                        e.plannedStart(), e.plannedEnd(), null, null, MeetingState.Status.SCHEDULED);
            } else if (meeting == null) {
                continue;
            } else if (event instanceof MeetingRescheduled e) {
                meeting = meeting.planned(e.plannedStart(), e.plannedEnd(), MeetingState.Status.SCHEDULED);
            } else if (event instanceof MeetingHeld e) {
                meeting = meeting.held(e.occurredOn(), e.endedOn());
            } else if (event instanceof MeetingPostponed) {
                meeting = meeting.withStatus(MeetingState.Status.POSTPONED);
            } else if (event instanceof MeetingCancelled) {
                meeting = meeting.withStatus(MeetingState.Status.CANCELLED);
            }
        }
        return Optional.ofNullable(meeting);
    }
}
