package org.mandatetracker.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mandatetracker.citation.SourceCitation;

/** The source of a fact: a decision number or document symbol, and optionally the paragraph. */
public record SourceInput(
        @NotBlank @ValidDocumentReference String document,
        @Size(min = 1, max = SourceCitation.MAX_PARAGRAPH_LENGTH) String paragraph) {

    public SourceCitation toCitation() {
        return SourceCitation.of(document, paragraph == null ? null : paragraph.strip());
    }
}
