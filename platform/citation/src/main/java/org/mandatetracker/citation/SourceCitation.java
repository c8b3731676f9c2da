package org.mandatetracker.citation;

/**
 * Where a fact is written down: the decision or document, and the paragraph within it when there is one
 * ({@code "1"}, {@code "3 (a)"}).
 */
public record SourceCitation(DocumentReference document, String paragraph) {

    public static final int MAX_PARAGRAPH_LENGTH = 40;

    public SourceCitation {
        if (document == null) {
            throw new IllegalArgumentException("a source cites a document");
        }
        if (paragraph != null && (paragraph.isBlank() || paragraph.length() > MAX_PARAGRAPH_LENGTH)) {
            throw new IllegalArgumentException("a paragraph, when given, is 1 to " + MAX_PARAGRAPH_LENGTH
                    + " characters");
        }
    }

    public static SourceCitation of(String document, String paragraph) {
        return new SourceCitation(DocumentReference.parse(document), paragraph);
    }

    @Override
    public String toString() {
        return paragraph == null ? document.value() : document.value() + ", para. " + paragraph;
    }
}
