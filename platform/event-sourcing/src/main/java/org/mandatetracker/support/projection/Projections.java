package org.mandatetracker.support.projection;

import java.util.List;

/**
 * The processing groups of a write service that keep its read models. A service declares them as one bean; each then
 * sees every event once and dead-letters an event it cannot apply (see {@link ProjectionSupport}).
 */
public record Projections(List<String> groups) {

    public Projections {
        groups = List.copyOf(groups);
    }

    public static Projections of(String... groups) {
        return new Projections(List.of(groups));
    }
}
