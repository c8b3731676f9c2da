package org.mandatetracker.meeting.command;

import java.util.Optional;

/**
 * Which meeting holds each numbered session of a body, kept in step with the meetings' events in the same
 * transaction, so that "the sixth session" is scheduled once.
 */
public interface SessionRegistry {

    Optional<String> meetingHolding(String bodyId, int session);
}
