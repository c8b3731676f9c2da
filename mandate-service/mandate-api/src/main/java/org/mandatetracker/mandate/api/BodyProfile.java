package org.mandatetracker.mandate.api;

import java.util.List;

/**
 * What the establishing decision says a body is.
 *
 * @param parentBodyId     the body it reports to, or {@code null} for a top-level body
 * @param chairArrangement free text, e.g. "chaired by a member of the Bureau"
 * @param legalBasis       citations such as "article 32, paragraph 3 of the Convention"
 */
public record BodyProfile(
        String name,
        String shortName,
        BodyKind kind,
        String parentBodyId,
        boolean openEnded,
        boolean interim,
        String chairArrangement,
        List<String> legalBasis) {

    public BodyProfile {
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
    }
}
