package org.mandatetracker.report.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A state valid from one real-world date until the day before another ({@code validTo} exclusive, {@code null} for
 * open-ended). A fold over one aggregate's facts as of a date changes only on the dates those facts occurred, so
 * folding once at each of them gives every version there is.
 */
public record Version<S>(LocalDate validFrom, LocalDate validTo, S state) {

    public static <S> List<Version<S>> of(List<StoredFact> facts, Function<LocalDate, Optional<S>> stateAsOf) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        facts.forEach(fact -> dates.add(fact.occurredOn()));
        List<Version<S>> versions = new ArrayList<>();
        LocalDate from = null;
        S current = null;
        for (LocalDate date : dates) {
            S next = stateAsOf.apply(date).orElse(null);
            if (Objects.equals(next, current)) {
                continue;
            }
            if (current != null) {
                versions.add(new Version<>(from, date, current));
            }
            from = date;
            current = next;
        }
        if (current != null) {
            versions.add(new Version<>(from, null, current));
        }
        return versions;
    }
}
