package org.mandatetracker.meeting.command;

import java.util.Optional;

/**
 * The outcomes each meeting has adopted or issued, one fingerprint per key, kept in step with the meetings' events in
 * the same transaction. A meeting asks it whether an outcome is new, a repeat or a conflict, so that the meeting's
 * own state, and its snapshots, stay the same size however much it adopts.
 */
public interface OutcomeRegistry {

    /** The fingerprint of what the meeting recorded under this key, if anything. */
    Optional<String> fingerprint(String meetingId, RecordedOutcome.Kind kind, String key);
}
