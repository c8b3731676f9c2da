package org.mandatetracker.report.query;

import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyEstablishmentCorrected;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.MeetingDatesCorrected;
import org.mandatetracker.meeting.api.MeetingHeld;
import org.mandatetracker.meeting.api.MeetingScheduled;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.projection.StoredFact;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decision histories and body timelines: facts in real-world order, a decision's adoption before what happened the
 * same day, then by when they were recorded; each correction is listed right after what it corrects.
 */
@Component
public class Histories {

    private final FactLog facts;

    public Histories(FactLog facts) {
        this.facts = facts;
    }

    /**
     * Every fact citing the decision (including its adoption), and every fact about the bodies it established: their
     * mandates, whatever decision conferred them, and their meetings and what those produced; up to {@code asOf}.
     */
    public List<HistoryEntry> ofDecision(DocumentReference decision, LocalDate asOf) {
        String ref = decision.value();
        List<StoredFact> citing = facts.where("(source_document = ? OR (" + FactKinds.DECISION
                + " AND payload->>'reference' = ?)) AND occurred_on <= ?", ref, ref, asOf);
        Set<String> established = citing.stream()
                .filter(f -> f.event() instanceof BodyEstablished || f.event() instanceof BodyEstablishmentCorrected)
                .map(StoredFact::bodyId).collect(Collectors.toSet());
        Stream<StoredFact> aboutThoseBodies = established.stream()
                .flatMap(bodyId -> facts.where("body_id = ? AND occurred_on <= ?", bodyId, asOf).stream());
        Map<String, StoredFact> all = new LinkedHashMap<>();
        Stream.concat(citing.stream(), aboutThoseBodies).forEach(f -> all.putIfAbsent(f.eventId(), f));
        return entries(List.copyOf(all.values()));
    }

    /** Everything recorded about the body, up to {@code asOf}: its own facts, its mandates and its meetings. */
    public List<HistoryEntry> timelineOf(String bodyId, LocalDate asOf) {
        return entries(facts.where("body_id = ? AND occurred_on <= ?", bodyId, asOf));
    }

    private List<HistoryEntry> entries(List<StoredFact> selected) {
        Names names = new Names(facts.where(FactKinds.BODY + " OR " + FactKinds.MANDATE + " OR "
                + FactKinds.MEETING_LIFECYCLE));
        Map<String, StoredFact> anchors = selected.stream()
                .collect(Collectors.toMap(StoredFact::eventId, f -> corrected(f, selected).orElse(f)));
        Comparator<StoredFact> order = Comparator
                .comparing((StoredFact f) -> anchors.get(f.eventId()).occurredOn())
                .thenComparing(f -> !(anchors.get(f.eventId()).event() instanceof DecisionAdopted))
                .thenComparing(f -> anchors.get(f.eventId()).recordedAt())
                .thenComparingLong(f -> anchors.get(f.eventId()).position())
                .thenComparing(f -> anchors.get(f.eventId()) != f)
                .thenComparing(StoredFact::recordedAt);
        return selected.stream().sorted(order).map(f -> new HistoryEntry(f.eventId(), f.type(),
                Summaries.of(f.event(), names), f.occurredOn(), f.recordedAt(), f.recordedBy(), f.source(),
                anchors.get(f.eventId()) == f ? null : anchors.get(f.eventId()).eventId())).toList();
    }

    /** For a correcting fact, the fact it corrects, if that is among those listed. */
    private static Optional<StoredFact> corrected(StoredFact fact, List<StoredFact> among) {
        Object e = fact.event();
        if (e instanceof BodyEstablishmentCorrected c) {
            return among.stream().filter(f -> f.event() instanceof BodyEstablished b && b.bodyId().equals(c.bodyId()))
                    .findFirst();
        }
        if (e instanceof MeetingDatesCorrected c) {
            Class<?> kind = c.which() == MeetingDatesCorrected.Dates.HELD ? MeetingHeld.class : MeetingScheduled.class;
            return among.stream().filter(f -> kind.isInstance(f.event()) && f.aggregateId().equals(c.meetingId()))
                    .findFirst();
        }
        return Optional.empty();
    }
}
