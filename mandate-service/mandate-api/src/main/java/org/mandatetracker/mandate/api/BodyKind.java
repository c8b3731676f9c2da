package org.mandatetracker.mandate.api;

/** What sort of body it is, as its establishing decision describes it. */
public enum BodyKind {
    PLENARY, SUBSIDIARY, WORKING_GROUP, EXPERT_GROUP, OTHER
}
