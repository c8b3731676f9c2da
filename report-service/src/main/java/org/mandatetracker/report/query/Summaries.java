package org.mandatetracker.report.query;

import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyRenamed;
import org.mandatetracker.mandate.api.Evidence;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.mandate.api.MandateExtended;
import org.mandatetracker.mandate.api.MandateFulfilled;
import org.mandatetracker.mandate.api.MandateSuperseded;
import org.mandatetracker.mandate.api.MandateTaskAmended;
import org.mandatetracker.mandate.api.MandateTerminated;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingPostponed;
import org.mandatetracker.meeting.api.MeetingRescheduled;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.meeting.api.RecommendationAdopted;

/** One line of plain words for each kind of fact. */
final class Summaries {

    private static final int SHORT = 120;

    private Summaries() {
    }

    static String of(Object event, Names names) {
        if (event instanceof BodyEstablished e) {
            return "Established " + e.profile().name() + " (" + e.profile().shortName() + ")";
        } else if (event instanceof BodyRenamed e) {
            return "Renamed " + e.bodyId() + " to " + e.name() + " (" + e.shortName() + ")";
        } else if (event instanceof BodyDissolved e) {
            return "Dissolved " + names.body(e.bodyId());
        } else if (event instanceof BodyEstablishmentCorrected e) {
            return "Corrected the record of the establishment of " + e.profile().name() + ": " + e.reason();
        } else if (event instanceof MandateConferred e) {
            return "Conferred on " + names.body(e.bodyId()) + ", " + names.deadline(e.deadline()) + ": "
                    + shorten(e.task());
        } else if (event instanceof MandateTaskAmended e) {
            return "Amended the task of a mandate of " + names.body(e.bodyId()) + " to: " + shorten(e.task());
        } else if (event instanceof MandateExtended e) {
            return "Extended, now due " + names.deadline(e.deadline()) + ": " + shorten(names.mandate(e.mandateId()));
        } else if (event instanceof MandateFulfilled e) {
            return "Fulfilled (" + evidence(e.evidence(), names) + "): " + shorten(names.mandate(e.mandateId()));
        } else if (event instanceof MandateTerminated e) {
            return "Terminated: " + shorten(names.mandate(e.mandateId()));
        } else if (event instanceof MandateSuperseded e) {
            return "Superseded" + (e.supersededBy() == null ? "" : " by " + shorten(names.mandate(e.supersededBy())))
                    + ": " + shorten(names.mandate(e.mandateId()));
        } else if (event instanceof MeetingScheduled e) {
            return "Scheduled " + e.title() + ", " + e.plannedStart() + " to " + e.plannedEnd()
                    + (e.venue() == null ? "" : ", " + e.venue());
        } else if (event instanceof MeetingRescheduled e) {
            return "Rescheduled " + names.meeting(e.meetingId()) + " to " + e.plannedStart() + " to "
                    + e.plannedEnd();
        } else if (event instanceof MeetingHeld e) {
            return "Held " + names.meeting(e.meetingId()) + ", " + e.occurredOn() + " to " + e.endedOn();
        } else if (event instanceof MeetingPostponed e) {
            return "Postponed " + names.meeting(e.meetingId());
        } else if (event instanceof MeetingCancelled e) {
            return "Cancelled " + names.meeting(e.meetingId());
        } else if (event instanceof MeetingDatesCorrected e) {
            return "Corrected the " + e.which().name().toLowerCase() + " dates of " + names.meeting(e.meetingId())
                    + " to " + e.occurredOn() + " to " + e.endsOn() + ": " + e.reason();
        } else if (event instanceof DecisionAdopted e) {
            return "Adopted " + e.type().name().toLowerCase() + " " + e.reference() + " \u201c" + e.title()
                    + "\u201d at " + names.meeting(e.meetingId());
        } else if (event instanceof RecommendationAdopted e) {
            return "Adopted at " + names.meeting(e.meetingId()) + " a recommendation: " + shorten(e.text());
        } else if (event instanceof DocumentIssued e) {
            return "Issued " + e.symbol() + " \u201c" + e.title() + "\u201d for " + names.meeting(e.meetingId());
        }
        return event.getClass().getSimpleName();
    }

    private static String evidence(Evidence evidence, Names names) {
        return evidence instanceof Evidence.Meeting m ? "evidence: " + names.meeting(m.meetingId())
                : "evidence: " + ((Evidence.Document) evidence).symbol();
    }

    private static String shorten(String text) {
        return text.length() <= SHORT ? text : text.substring(0, SHORT - 1) + "\u2026";
    }
}
