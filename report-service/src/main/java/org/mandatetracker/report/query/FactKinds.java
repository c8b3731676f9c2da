package org.mandatetracker.report.query;

/** SQL conditions on the fact log's {@code event_type}, by family of event, so each is written once. */
final class FactKinds {

    static final String BODY = "event_type LIKE 'org.mandatetracker.mandate.Body%'";
    static final String MANDATE = "event_type LIKE 'org.mandatetracker.mandate.Mandate%'";
    static final String MEETING_LIFECYCLE = "event_type LIKE 'org.mandatetracker.meeting.Meeting%'";
    static final String RECOMMENDATION = "event_type = 'org.mandatetracker.meeting.RecommendationAdopted'";
    static final String DECISION = "event_type = 'org.mandatetracker.meeting.DecisionAdopted'";

    private FactKinds() {
    }
}
