package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.Fact;

/** A fact about a mandate; each names the body that holds the mandate, so consumers need no lookup. */
public sealed interface MandateEvent extends Fact
        permits MandateConferred, MandateTaskAmended, MandateExtended, MandateFulfilled, MandateTerminated,
        MandateSuperseded {

    String mandateId();

    String bodyId();
}
