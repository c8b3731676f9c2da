package org.mandatetracker.mandate.command;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;

import java.time.LocalDate;
import java.util.List;

/** Facts from the worked example (the Working Group on Trafficking in Persons), for fixture tests. */
final class Example {

    static final String COP = "ctoc-cop";
    static final String WG = "ctoc-wg-tip";
    static final LocalDate COP4_CLOSED = LocalDate.of(2008, 10, 17);
    static final LocalDate COP5_CLOSED = LocalDate.of(2010, 10, 22);
    static final SourceCitation DECISION_4_4 = SourceCitation.of("4/4", "1");
    static final SourceCitation RESOLUTION_5_2 = SourceCitation.of("5/2", "3 (a)");

    static final BodyProfile WG_PROFILE = new BodyProfile(
            "Working Group on Trafficking in Persons", "WG on TIP", BodyKind.WORKING_GROUP, COP, true, true,
            "chaired by a member of the Bureau",
            List.of("article 32, paragraph 3 of the Convention", "rule 2, paragraph 2 of the rules of procedure"));

    static final BodyEstablished WG_ESTABLISHED = new BodyEstablished(WG, WG_PROFILE, COP4_CLOSED, DECISION_4_4);

    static final String MEETING_MANDATE = "wg-tip-intersessional-meeting";
    static final Deadline BEFORE_COP6 = new Deadline.BeforeSession(COP, 6);
    static final String MEETING_TASK = "Hold at least one intersessional meeting prior to the sixth session";

    static final MandateConferred MEETING_MANDATE_CONFERRED = new MandateConferred(
            MEETING_MANDATE, WG, MEETING_TASK, BEFORE_COP6, COP5_CLOSED, RESOLUTION_5_2);

    private Example() {
    }
}
