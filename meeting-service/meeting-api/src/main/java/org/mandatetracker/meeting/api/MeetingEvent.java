package org.mandatetracker.meeting.api;

import org.mandatetracker.citation.Fact;

/** A fact about a meeting or what it produced; each names the meeting and the body that met. */
public sealed interface MeetingEvent extends Fact
        permits MeetingScheduled, MeetingRescheduled, MeetingHeld, MeetingPostponed, MeetingCancelled,
        MeetingDatesCorrected, DecisionAdopted, RecommendationAdopted, DocumentIssued {

    String meetingId();

    String bodyId();
}
