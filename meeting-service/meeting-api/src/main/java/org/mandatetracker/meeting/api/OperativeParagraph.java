package org.mandatetracker.meeting.api;

/** A numbered operative paragraph of a decision or resolution, e.g. {@code 3 (a)}. */
public record OperativeParagraph(String number, String text) {
}
