package org.mandatetracker.mandate.command;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The body registry as a map, for fixture tests that need bodies to exist. */
class InMemoryBodyRegistry implements BodyRegistry {

    private final Map<String, RegisteredBody> bodies = new HashMap<>();

    InMemoryBodyRegistry with(String bodyId, LocalDate establishedOn) {
        bodies.put(bodyId, new RegisteredBody(bodyId, establishedOn, null));
        return this;
    }

    InMemoryBodyRegistry withDissolved(String bodyId, LocalDate establishedOn, LocalDate dissolvedOn) {
        bodies.put(bodyId, new RegisteredBody(bodyId, establishedOn, dissolvedOn));
        return this;
    }

    @Override
    public Optional<RegisteredBody> find(String bodyId) {
        return Optional.ofNullable(bodies.get(bodyId));
    }
}
