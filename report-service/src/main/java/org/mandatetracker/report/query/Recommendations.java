package org.mandatetracker.report.query;

import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.report.projection.FactLog;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Recommendations adopted by a date, optionally by one body's meetings and since a date, oldest first. */
@Component
public class Recommendations {

    private final FactLog facts;

    public Recommendations(FactLog facts) {
        this.facts = facts;
    }

    public List<RecommendationView> adopted(String bodyId, LocalDate since, LocalDate asOf) {
        StringBuilder condition = new StringBuilder(FactKinds.RECOMMENDATION + " AND occurred_on <= ?");
        List<Object> params = new ArrayList<>(List.of(asOf));
        if (bodyId != null) {
            condition.append(" AND body_id = ?");
            params.add(bodyId);
        }
        if (since != null) {
            condition.append(" AND occurred_on >= ?");
            params.add(since);
        }
        Names names = new Names(facts.where(FactKinds.MEETING_LIFECYCLE));
        return facts.where(condition.toString(), params.toArray()).stream()
                .map(fact -> view((RecommendationAdopted) fact.event(), names)).toList();
    }

    static RecommendationView view(RecommendationAdopted r, Names names) {
        return new RecommendationView(r.recommendationId(), r.bodyId(), r.text(), r.addressee(), r.meetingId(),
                names.meeting(r.meetingId()), r.paragraph(), r.reportSymbol(), r.occurredOn(), r.source());
    }
}
