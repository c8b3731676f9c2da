package org.mandatetracker.citation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Spellings already normalised, to their normal form. Every reference read is normalised twice (by its parser and
 * again by its constructor's check), and reading the record back repeats the same few spellings, so the regular
 * expressions were a quarter of a rebuild's time. Emptied when full, so hostile spellings cannot grow it; a spelling
 * that fails to normalise is never kept. A spelling that is its own normal form is recognised by one match, without
 * normalising: reads at random across a large record miss the cache, and stored facts are spelled normally.
 */
final class NormalForms {

    private static final int MAX = 10_000;

    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final UnaryOperator<String> normalise;
    private final Predicate<String> isNormal;

    /**
     * @param normalise the normal form of a spelling, or an exception if it has none
     * @param isNormal  whether a spelling is its own normal form; it must agree with {@code normalise}
     */
    NormalForms(UnaryOperator<String> normalise, Predicate<String> isNormal) {
        this.normalise = normalise;
        this.isNormal = isNormal;
    }

    /** The normal form of {@code text}, or the normaliser's exception if it has none. */
    String of(String text) {
        String normal = text == null ? null : known.get(text);
        if (normal != null) {
            return normal;
        }
        normal = text != null && isNormal.test(text) ? text : normalise.apply(text);
        if (known.size() >= MAX) {
            known.clear();
        }
        known.put(text, normal);
        known.put(normal, normal);
        return normal;
    }
}
