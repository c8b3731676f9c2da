package org.mandatetracker.mandate.query;

import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A body as last recorded; {@code dissolvedOn} is {@code null} while it exists, {@code parentName} names the body it
 * is part of, if that is recorded, and {@code children} counts the bodies recorded directly under it.
 */
public record BodyView(
        String id, String name, String shortName, BodyKind kind, String parentBodyId, String parentName,
        boolean openEnded,
        boolean interim, String chairArrangement, List<String> legalBasis, LocalDate establishedOn,
        SourceCitation establishedBy, LocalDate dissolvedOn, SourceCitation dissolvedBy, int children) {
}
