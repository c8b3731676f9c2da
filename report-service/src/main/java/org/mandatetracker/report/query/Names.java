package org.mandatetracker.report.query;

import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.report.projection.StoredFact;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What to call bodies, meetings and mandates in human-readable text, by their latest recorded names. */
final class Names {

    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> meetings = new HashMap<>();
    private final Map<String, String> mandates = new HashMap<>();

    Names(List<StoredFact> facts) {
        facts.stream().sorted(Comparator.comparingLong(StoredFact::aggregateSeq)).forEach(fact -> {
            Object e = fact.event();
            if (e instanceof BodyEstablished b) {
                bodies.put(b.bodyId(), b.profile().name() + " (" + b.profile().shortName() + ")");
            } else if (e instanceof BodyEstablishmentCorrected b) {
                bodies.put(b.bodyId(), b.profile().name() + " (" + b.profile().shortName() + ")");
            } else if (e instanceof BodyRenamed b) {
                bodies.put(b.bodyId(), b.name() + " (" + b.shortName() + ")");
            } else if (e instanceof MeetingScheduled m) {
                meetings.put(m.meetingId(), m.title());
            } else if (e instanceof MandateConferred m) {
                mandates.put(m.mandateId(), m.task());
            }
        });
    }

    String body(String id) {
        return bodies.getOrDefault(id, id);
    }

    String meeting(String id) {
        return meetings.getOrDefault(id, "meeting " + id);
    }

    String mandate(String id) {
        return mandates.getOrDefault(id, "mandate " + id);
    }

    String deadline(Deadline deadline) {
        if (deadline instanceof Deadline.OnDate d) {
            return "by " + d.date();
        }
        if (deadline instanceof Deadline.BeforeSession d) {
            return "before session " + d.session() + " of " + body(d.bodyId());
        }
        if (deadline instanceof Deadline.AtSession d) {
            return "at session " + d.session() + " of " + body(d.bodyId());
        }
        return "standing (no deadline)";
    }
}
