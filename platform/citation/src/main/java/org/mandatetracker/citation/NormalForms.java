package org.mandatetracker.citation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Spellings already normalised, to their normal form. Every reference read is normalised twice (by its parser and
 * again by its constructor's check), and reading the record back repeats the same few spellings, so the regular
 * expressions were a quarter of a rebuild's time. Emptied when full, so hostile spellings cannot grow it; a spelling
 * that fails to normalise is never kept.
 */
final class NormalForms {

    private static final int MAX = 10_000;

    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final UnaryOperator<String> normalise;

    NormalForms(UnaryOperator<String> normalise) {
        this.normalise = normalise;
    }

    /** The normal form of {@code text}, or the normaliser's exception if it has none. */
    String of(String text) {
        String normal = text == null ? null : known.get(text);
        if (normal != null) {
            return normal;
        }
        normal = normalise.apply(text);
        if (known.size() >= MAX) {
            known.clear();
        }
        known.put(text, normal);
        known.put(normal, normal);
        return normal;
    }
}
