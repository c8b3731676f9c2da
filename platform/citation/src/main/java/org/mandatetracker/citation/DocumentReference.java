package org.mandatetracker.citation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a fact cites: a decision or resolution number such as {@code 4/4}, or a document symbol such as
 * {@code CTOC/COP/WG.4/2011/8}. Always held in normalised spelling, so equal references compare equal.
 */
public record DocumentReference(String value) {

    private static final NormalForms NORMALISED =
            new NormalForms(DocumentReference::normalise, DocumentReference::isNormal);

    public DocumentReference {
        if (value == null || !value.equals(NORMALISED.of(value))) {
            throw new IllegalArgumentException("not a normalised document reference: " + value);
        }
    }

    @JsonCreator
    public static DocumentReference parse(String text) {
        return new DocumentReference(NORMALISED.of(text));
    }

    public static boolean isValid(String text) {
        try {
            NORMALISED.of(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isDecisionNumber() {
        return DecisionNumber.matches(value);
    }

    /**
     * Whether {@code text} is its own normal form. A normal symbol has no space beside a slash, so it reads as a
     * decision number exactly when its upper case does, and is then spelled as one.
     */
    static boolean isNormal(String text) {
        return DecisionNumber.isNormal(text) || (DocumentSymbol.isNormal(text)
                && !DecisionNumber.isNormal(text.toUpperCase(Locale.ROOT)));
    }

    static String normalise(String text) {
        if (text != null && DecisionNumber.matches(text)) {
            return DecisionNumber.normalise(text);
        }
        try {
            return DocumentSymbol.parse(text).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a decision number such as 4/4 or a document symbol such as "
                    + "CTOC/COP/WG.4/2011/8: " + e.getMessage(), e);
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
