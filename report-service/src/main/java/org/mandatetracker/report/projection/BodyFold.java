package org.mandatetracker.report.projection;

import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.BodyRenamed;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One body folded from its facts that had happened by a date; empty before its establishment. A corrected
 * establishment restates the profile and date in full, so it counts from the date it gives.
 */
public final class BodyFold {

    private BodyFold() {
    }

    /** @param facts one body's facts, in its own order */
    public static Optional<BodyState> asOf(List<StoredFact> facts, LocalDate asOf) {
        BodyState body = null;
        for (StoredFact fact : facts) {
            if (fact.occurredOn().isAfter(asOf)) {
                continue;
            }
            Object event = fact.event();
            if (event instanceof BodyEstablished e) {
                body = established(e.bodyId(), e.profile(), body);
            } else if (event instanceof BodyEstablishmentCorrected e) {
                body = established(e.bodyId(), e.profile(), body);
            } else if (body == null) {
                continue;
            } else if (event instanceof BodyRenamed e) {
                body = new BodyState(body.bodyId(), e.name(), e.shortName(), body.parentBodyId(), body.dissolvedOn());
            } else if (event instanceof BodyDissolved e) {
                body = new BodyState(body.bodyId(), body.name(), body.shortName(), body.parentBodyId(),
                        e.occurredOn());
            }
        }
        return Optional.ofNullable(body);
    }

    private static BodyState established(String bodyId, BodyProfile profile, BodyState before) {
        return new BodyState(bodyId, profile.name(), profile.shortName(), profile.parentBodyId(),
                before == null ? null : before.dissolvedOn());
    }
}
