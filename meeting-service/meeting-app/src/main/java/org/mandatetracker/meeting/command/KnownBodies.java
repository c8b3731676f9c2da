package org.mandatetracker.meeting.command;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The bodies mandate-service has published, as far as this service has read {@code mandate.events.v1}. A body
 * established a moment ago may not be here yet.
 */
public interface KnownBodies {

    Optional<KnownBody> find(String bodyId);

    /** @param dissolvedOn {@code null} while the body exists */
    record KnownBody(String bodyId, String name, LocalDate establishedOn, LocalDate dissolvedOn) {
    }
}
