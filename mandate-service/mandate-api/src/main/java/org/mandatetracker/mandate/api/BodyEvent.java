package org.mandatetracker.mandate.api;

/** A fact about a body. */
public sealed interface BodyEvent extends Fact
        permits BodyEstablished, BodyRenamed, BodyDissolved, BodyEstablishmentCorrected {

    String bodyId();
}
