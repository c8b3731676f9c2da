package org.mandatetracker.report.query;

import org.mandatetracker.citation.Fact;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyEvent;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingEvent;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random history of one body whose sessions other mandates wait on and one body holding those mandates: every
 * deadline form, amendments, extensions and closings; sessions scheduled, rescheduled, postponed, cancelled (and
 * their number scheduled again), held and corrected. Dates fall anywhere in five years, so facts arrive out of
 * real-world order too. Each aggregate's events are listed in its own order.
 */
final class RandomHistory {

    private static final LocalDate START = LocalDate.of(2010, 1, 1);
    private static final SourceCitation SOURCE = SourceCitation.of("7/1", "1");

    final String sessionBody;
    final String mandatedBody;
    final String meetingPrefix;
    private final String mandatePrefix;
    private final Random random;
    private final List<Fact> events = new ArrayList<>();
    private final List<String> mandateIds = new ArrayList<>();
    private final List<String> meetingIds = new ArrayList<>();

    RandomHistory(Random random, String world, int sessions, int mandates) {
        this.random = random;
        this.sessionBody = "cop-" + world;
        this.mandatedBody = "wg-" + world;
        this.meetingPrefix = "meeting-" + world + "-";
        this.mandatePrefix = "mandate-" + world + "-";
        bodies();
        for (int n = 1; n <= sessions; n++) {
            meeting(n);
        }
        for (int m = 0; m < mandates; m++) {
            mandate(m, sessions);
        }
    }

    List<Fact> events() {
        return events;
    }

    List<String> mandateIds() {
        return mandateIds;
    }

    String bodyOf(Fact event) {
        if (event instanceof BodyEvent b) {
            return b.bodyId();
        }
        return event instanceof MandateEvent m ? m.bodyId() : ((MeetingEvent) event).bodyId();
    }

    private LocalDate day() {
        return START.plusDays(random.nextInt(5 * 365));
    }

    private void bodies() {
        BodyProfile cop = new BodyProfile("Conference " + sessionBody, "COP", BodyKind.PLENARY, null, false, false,
                null, List.of());
        events.add(new BodyEstablished(sessionBody, cop, day(), SOURCE));
        if (random.nextInt(3) == 0) {
            events.add(new BodyRenamed(sessionBody, "Renamed conference", "RC", day(), SOURCE));
        }
        if (random.nextInt(4) == 0) {
            events.add(new BodyEstablishmentCorrected(sessionBody, cop, day(), SOURCE, "date misread"));
        }
        events.add(new BodyEstablished(mandatedBody, new BodyProfile("Working group " + mandatedBody, "WG",
                BodyKind.WORKING_GROUP, sessionBody, true, false, null, List.of()), day(), SOURCE));
    }

    private void meeting(int session) {
        String id = meetingPrefix + meetingIds.size();
        meetingIds.add(id);
        LocalDate opens = day();
        events.add(new MeetingScheduled(id, sessionBody, "Session " + session, session, MeetingKind.REGULAR, "Vienna",
                opens, opens.plusDays(random.nextInt(5)), day(), SOURCE));
        int changes = random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            LocalDate moved = day();
            switch (random.nextInt(6)) {
                case 0 -> events.add(new MeetingRescheduled(id, sessionBody, moved, moved.plusDays(3), "moved",
                        day(), SOURCE));
                case 1 -> events.add(new MeetingPostponed(id, sessionBody, "postponed", day(), SOURCE));
                case 2 -> events.add(new MeetingHeld(id, sessionBody, moved, moved.plusDays(2), SOURCE));
                case 3 -> events.add(new MeetingDatesCorrected(id, sessionBody, random.nextBoolean()
                        ? MeetingDatesCorrected.Dates.PLANNED : MeetingDatesCorrected.Dates.HELD, moved,
                        moved.plusDays(1), "corrected", SOURCE));
                case 4 -> {
                    events.add(new MeetingCancelled(id, sessionBody, "cancelled", day(), SOURCE));
                    if (random.nextBoolean()) {
                        meeting(session);
                    }
                    return;
                }
                default -> {
                }
            }
        }
    }

    private Deadline deadline(int sessions) {
        int session = 1 + random.nextInt(sessions + 1);
        return switch (random.nextInt(4)) {
            case 0 -> new Deadline.OnDate(day());
            case 1 -> new Deadline.BeforeSession(sessionBody, session);
            case 2 -> new Deadline.AtSession(sessionBody, session);
            default -> new Deadline.Standing();
        };
    }

    private void mandate(int m, int sessions) {
        String id = mandatePrefix + m;
        mandateIds.add(id);
        events.add(new MandateConferred(id, mandatedBody, "Task " + m, deadline(sessions), day(), SOURCE));
        int changes = random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            switch (random.nextInt(6)) {
                case 0 -> events.add(new MandateTaskAmended(id, mandatedBody, "Task " + m + " amended", day(), SOURCE));
                case 1, 2 -> events.add(new MandateExtended(id, mandatedBody, deadline(sessions), day(), SOURCE));
                case 3 -> {
                    events.add(new MandateFulfilled(id, mandatedBody,
                            new Evidence.Meeting(meetingIds.get(random.nextInt(meetingIds.size()))), day(), SOURCE));
                    return;
                }
                case 4 -> {
                    events.add(new MandateTerminated(id, mandatedBody, day(), SOURCE));
                    return;
                }
                default -> {
                    events.add(new MandateSuperseded(id, mandatedBody, mandatePrefix + (m + 1), day(), SOURCE));
                    return;
                }
            }
        }
    }
}
