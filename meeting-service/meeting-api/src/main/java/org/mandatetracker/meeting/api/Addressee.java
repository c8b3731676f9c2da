package org.mandatetracker.meeting.api;

/**
 * Whom a recommendation addresses: a recorded body ({@code bodyId}), or others named in words
 * ({@code description}, e.g. "States parties"). Exactly one is given.
 */
public record Addressee(String bodyId, String description) {
}
