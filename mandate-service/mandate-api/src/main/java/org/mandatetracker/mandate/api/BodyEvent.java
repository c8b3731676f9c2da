package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.Fact;

/** A fact about a body. */
public sealed interface BodyEvent extends Fact
        permits BodyEstablished, BodyRenamed, BodyDissolved, BodyEstablishmentCorrected {

    String bodyId();
}
