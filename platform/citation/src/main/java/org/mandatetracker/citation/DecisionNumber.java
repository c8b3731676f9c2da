package org.mandatetracker.citation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number of a decision or resolution as its body numbers it: session and sequence, such as {@code 4/4} or
 * {@code 5/2}, {@code XIV/5} with a Roman session, or {@code 1/CP.21} with the body's abbreviation.
 */
public final class DecisionNumber {

    private static final Pattern SPACED_SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern FORM =
            Pattern.compile("(?:\\d{1,3}|[IVXLC]{1,7})/(?:\\d{1,4}[A-Z]?|[A-Z]{2,4}\\.\\d{1,3})");

    private DecisionNumber() {
    }

    public static boolean matches(String text) {
        return text != null && FORM.matcher(normalise(text)).matches();
    }

    /** Whether {@code text} is a decision number in its normal spelling. */
    static boolean isNormal(String text) {
        return FORM.matcher(text).matches();
    }

    static String normalise(String text) {
        return SPACED_SLASH.matcher(text.strip()).replaceAll("/").toUpperCase(Locale.ROOT);
    }
}
