package org.mandatetracker.support.command;

/** The answer to a command: the id it concerned, and whether a new fact was recorded or it was already there. */
public record CommandReceipt(String id, Outcome outcome) {
}
