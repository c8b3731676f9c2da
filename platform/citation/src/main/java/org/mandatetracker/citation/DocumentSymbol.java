package org.mandatetracker.citation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A United Nations document symbol such as {@code CTOC/COP/WG.4/2011/8} or {@code S/RES/1440 (2002)}, in its
 * normalised spelling.
 *
 * <p>Symbols are slash-separated components. The first is the series ({@code A}, {@code S}, {@code E},
 * {@code CTOC}, ...). Letters are upper case except the modifiers the United Nations spells in mixed case
 * ({@code Add.}, {@code Rev.}, {@code Corr.}, {@code Amend.}, {@code Sub.}). Security Council resolutions may end
 * in a four-digit year in parentheses, separated by one space.
 */
public record DocumentSymbol(String value) {

    public static final int MAX_LENGTH = 80;

    private static final int MAX_COMPONENTS = 12;
    private static final int MAX_COMPONENT_LENGTH = 24;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACED_SLASH = Pattern.compile(" ?/ ?");
    private static final Pattern YEAR_SUFFIX = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)$");
    private static final Pattern SERIES = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?");
    private static final Pattern COMPONENT =
            Pattern.compile("[A-Za-z0-9]+(?:[.\\-][A-Za-z0-9]+)*(?:\\(\\d{1,3}\\))?");
    private static final Map<String, String> MIXED_CASE_MODIFIERS = Map.of(
            "ADD", "Add", "REV", "Rev", "CORR", "Corr", "AMEND", "Amend", "SUB", "Sub");
    /** A symbol exactly as {@link #normalise} spells it, but for the limits on length and on components. */
    private static final Pattern NORMAL = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?"
            + "(?:/(?:(?:Add|Rev|Corr|Amend|Sub)\\.|(?!(?:ADD|REV|CORR|AMEND|SUB)\\.))"
            + "[A-Z0-9]+(?:[.\\-][A-Z0-9]+)*(?:\\(\\d{1,3}\\))?)+(?: \\(\\d{4}\\))?");
    private static final NormalForms NORMALISED =
            new NormalForms(DocumentSymbol::normalise, DocumentSymbol::isNormal);

    public DocumentSymbol {
        if (value == null || !value.equals(normalised(value))) {
            throw new IllegalArgumentException("not a normalised document symbol: " + value);
        }
    }

    /** Parses and normalises a symbol, explaining in the exception what is wrong with a malformed one. */
    @JsonCreator
    public static DocumentSymbol parse(String text) {
        return new DocumentSymbol(normalised(text));
    }

    public static boolean isValid(String text) {
        try {
            normalised(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The series, the first component: {@code A}, {@code S}, {@code CTOC}, ... */
    public String series() {
        return components().get(0);
    }

    public List<String> components() {
        Matcher year = YEAR_SUFFIX.matcher(value);
        String body = year.matches() ? year.group(1) : value;
        return List.of(body.split("/"));
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

    private static String normalised(String text) {
        return NORMALISED.of(text);
    }

    /** Whether {@code text} is its own normal form: what {@link #normalise} would answer, at a fraction of its cost. */
    static boolean isNormal(String text) {
        if (text.length() > MAX_LENGTH || !NORMAL.matcher(text).matches()) {
            return false;
        }
        int end = text.endsWith(")") && text.lastIndexOf(" (") > 0 ? text.lastIndexOf(" (") : text.length();
        int components = 0;
        for (int start = 0; start <= end; components++) {
            int slash = text.indexOf('/', start);
            int next = slash < 0 || slash > end ? end : slash;
            if (next - start > MAX_COMPONENT_LENGTH) {
                return false;
            }
            start = next + 1;
        }
        return components <= MAX_COMPONENTS;
    }

    static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a document symbol must not be blank");
        }
        String collapsed = SPACED_SLASH.matcher(WHITESPACE.matcher(text.strip()).replaceAll(" ")).replaceAll("/");
        if (collapsed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a document symbol has at most " + MAX_LENGTH + " characters");
        }
        String year = null;
        Matcher yearMatcher = YEAR_SUFFIX.matcher(collapsed);
        if (yearMatcher.matches()) {
            collapsed = yearMatcher.group(1);
            year = yearMatcher.group(2);
        }
        String[] parts = collapsed.split("/", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("a document symbol has a series and at least one more component, "
                    + "separated by '/' (e.g. A/RES/70/1)");
        }
        if (parts.length > MAX_COMPONENTS) {
            throw new IllegalArgumentException("a document symbol has at most " + MAX_COMPONENTS + " components");
        }
        String normalised = Arrays.stream(parts).map(DocumentSymbol::normaliseComponent)
                .collect(Collectors.joining("/"));
        String series = parts[0].toUpperCase(Locale.ROOT);
        if (!SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("a document symbol starts with its series, letters first (e.g. A, S, "
                    + "E, CTOC), not '" + parts[0] + "'");
        }
        return year == null ? normalised : normalised + " (" + year + ")";
    }

    private static String normaliseComponent(String component) {
        if (component.isEmpty()) {
            throw new IllegalArgumentException("a document symbol has no empty component (no leading, trailing "
                    + "or doubled '/')");
        }
        if (component.length() > MAX_COMPONENT_LENGTH || !COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("'" + component + "' is not a document symbol component: letters "
                    + "and digits, joined by single '.' or '-'");
        }
        String upper = component.toUpperCase(Locale.ROOT);
        int dot = upper.indexOf('.');
        if (dot > 0 && MIXED_CASE_MODIFIERS.containsKey(upper.substring(0, dot))) {
            return MIXED_CASE_MODIFIERS.get(upper.substring(0, dot)) + upper.substring(dot);
        }
        return upper;
    }
}
