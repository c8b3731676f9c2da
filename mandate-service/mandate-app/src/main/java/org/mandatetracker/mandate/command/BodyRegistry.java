package org.mandatetracker.mandate.command;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The bodies this service has recorded, kept in step with their events in the same transaction, so that a mandate
 * is never conferred on a body that does not exist or has been dissolved.
 */
public interface BodyRegistry {

    Optional<RegisteredBody> find(String bodyId);

    /** @param dissolvedOn {@code null} while the body exists */
    record RegisteredBody(String bodyId, LocalDate establishedOn, LocalDate dissolvedOn) {

        public boolean dissolved() {
            return dissolvedOn != null;
        }
    }
}
