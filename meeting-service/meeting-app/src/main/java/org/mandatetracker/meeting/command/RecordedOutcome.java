package org.mandatetracker.meeting.command;

import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.RecommendationAdopted;

import java.util.Optional;

/**
 * An outcome as {@link OutcomeRegistry} keeps it: which meeting, which kind, the key it is recorded under, and the
 * fingerprint of its content, computed only when asked (a new outcome's command never needs it). Each kind's key is
 * named by {@code keyField} in the problem a conflict is answered with.
 */
public record RecordedOutcome(String meetingId, Kind kind, String key, Object content) {

    public enum Kind {
        DECISION("reference"), RECOMMENDATION("id"), DOCUMENT("symbol");

        final String keyField;

        Kind(String keyField) {
            this.keyField = keyField;
        }
    }

    public String fingerprint() {
        return ContentHash.of(content);
    }

    /** The outcome an event records, if it records one. */
    public static Optional<RecordedOutcome> of(Object event) {
        if (event instanceof DecisionAdopted e) {
            return Optional.of(new RecordedOutcome(e.meetingId(), Kind.DECISION, e.reference().value(), e));
        }
        if (event instanceof RecommendationAdopted e) {
            return Optional.of(new RecordedOutcome(e.meetingId(), Kind.RECOMMENDATION, e.recommendationId(), e));
        }
        if (event instanceof DocumentIssued e) {
            return Optional.of(new RecordedOutcome(e.meetingId(), Kind.DOCUMENT, e.symbol().value(), e));
        }
        return Optional.empty();
    }
}
