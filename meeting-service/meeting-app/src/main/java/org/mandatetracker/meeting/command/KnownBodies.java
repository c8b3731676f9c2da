package org.mandatetracker.meeting.command;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The bodies mandate-service has published, as far as this service has read {@code mandate.events.v1}. A body
 * established a moment ago may not be here yet.
 */
public interface KnownBodies {

    Optional<KnownBody> find(String bodyId);

    /**
     * Whether every body on mandate-service's topic has been read, so that a body not found here is not there
     * either; false also when that cannot be told just now. (A body established a moment ago may not be on the
     * topic yet.)
     */
    boolean upToDate();

    /** @param dissolvedOn {@code null} while the body exists */
    record KnownBody(String bodyId, String name, LocalDate establishedOn, LocalDate dissolvedOn) {
    }
}
