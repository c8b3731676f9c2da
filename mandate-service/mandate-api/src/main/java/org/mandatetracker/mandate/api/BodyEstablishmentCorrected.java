package org.mandatetracker.mandate.api;

import org.mandatetracker.citation.SourceCitation;

import java.time.LocalDate;

/**
 * The establishment was recorded wrongly. This restates it in full as it should have read: profile, date
 * ({@code occurredOn}) and establishing decision ({@code source}). The earlier record stays in the history.
 *
 * @param reason why the correction was made, e.g. "establishing paragraph misread"
 */
public record BodyEstablishmentCorrected(
        String bodyId, BodyProfile profile, LocalDate occurredOn, SourceCitation source, String reason)
        implements BodyEvent {
}
