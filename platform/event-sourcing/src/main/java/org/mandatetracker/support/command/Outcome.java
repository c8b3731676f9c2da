package org.mandatetracker.support.command;

/** What a command did: recorded a new fact, or found it already recorded exactly as asked. */
public enum Outcome {
    RECORDED, UNCHANGED
}
