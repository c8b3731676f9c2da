package org.mandatetracker.report.query;

import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.projection.StoredFact;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Mandates as of a date, folded from the fact log, with deadlines resolved against the meeting calendar. */
@Component
public class MandateReports {

    /** Resolved dates first, earliest first; unresolved and standing ones after, by conferral. */
    public static final Comparator<MandateReport> BY_DUE_DATE = Comparator
            .comparing(MandateReport::resolvedDue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MandateReport::conferredOn).thenComparing(MandateReport::id);

    private final FactLog facts;

    public MandateReports(FactLog facts) {
        this.facts = facts;
    }

    public List<MandateReport> ofBody(String bodyId, LocalDate asOf) {
        return fold(facts.where(FactKinds.MANDATE + " AND body_id = ?", bodyId), asOf);
    }

    public List<MandateReport> all(LocalDate asOf) {
        return fold(facts.where(FactKinds.MANDATE), asOf);
    }

    /** The meetings as known on {@code asOf}. */
    public SessionCalendar calendar(LocalDate asOf) {
        return SessionCalendar.asOf(facts.where(FactKinds.MEETING_LIFECYCLE), asOf);
    }

    private List<MandateReport> fold(List<StoredFact> mandateFacts, LocalDate asOf) {
        SessionCalendar calendar = calendar(asOf);
        Names names = new Names(facts.where(FactKinds.BODY));
        return mandateFacts.stream()
                .collect(Collectors.groupingBy(StoredFact::aggregateId))
                .values().stream()
                .map(oneMandate -> MandateFold.asOf(oneMandate, asOf, calendar, names::deadline))
                .flatMap(Optional::stream)
                .sorted(BY_DUE_DATE)
                .toList();
    }
}
