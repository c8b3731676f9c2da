package org.mandatetracker.report.projection;

import java.time.LocalDate;

/** A body as known on some date: its name then, where it sits, and whether it had been dissolved. */
public record BodyState(String bodyId, String name, String shortName, String parentBodyId, LocalDate dissolvedOn) {

    /** How text refers to it, e.g. "Conference of the Parties (COP)". */
    public String label() {
        return name + " (" + shortName + ")";
    }
}
