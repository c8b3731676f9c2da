package org.mandatetracker.citation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick recognition of a normal spelling agrees with the normaliser: a spelling is recognised exactly when it
 * normalises to itself. Spellings are built from the pieces the rules treat specially (modifiers in any case, years,
 * numbered parentheses, spaces around slashes), and also drawn at random from their characters.
 */
class NormalSpellingPropertyTests {

    @Property(tries = 5000)
    void aSymbolIsRecognisedAsNormalExactlyWhenItNormalisesToItself(@ForAll("spellings") String text) {
        agree(text, DocumentSymbol::normalise, DocumentSymbol.isNormal(text));
    }

    @Property(tries = 5000)
    void aReferenceIsRecognisedAsNormalExactlyWhenItNormalisesToItself(@ForAll("spellings") String text) {
        agree(text, DocumentReference::normalise, DocumentReference.isNormal(text));
    }

    /** Some hundreds of the spellings tried must be normal, or the agreement says little. */
    private static void agree(String text, UnaryOperator<String> normalise, boolean recognised) {
        boolean normal;
        try {
            normal = normalise.apply(text).equals(text);
        } catch (IllegalArgumentException e) {
            normal = false;
        }
        Statistics.label("normal").collect(normal);
        Statistics.label("normal").coverage(seen -> seen.check(true).percentage(p -> p > 3));
        assertThat(recognised).as(text).isEqualTo(normal);
    }

    @Provide
    Arbitrary<String> spellings() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, built()),
                Tuple.of(1, Arbitraries.strings().withChars("AaDdXxIiVv019./-() ").ofMaxLength(30)));
    }

    private static Arbitrary<String> built() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withChars("ABCDEXIVL0123456789").ofMinLength(1).ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().withChars("ABCDEFabcdeXIVL0123456789").ofMinLength(1)
                        .ofMaxLength(26)));
        Arbitrary<String> modifier = Arbitraries.of("Add", "ADD", "add", "Rev", "REV", "Corr", "Amend", "SUB", "Sub");
        Arbitrary<String> component = Arbitraries.frequencyOf(
                Tuple.of(6, word),
                Tuple.of(2, Combinators.combine(modifier, Arbitraries.of(".", "-", ""), word)
                        .as((m, s, w) -> m + s + w)),
                Tuple.of(2, Combinators.combine(word, Arbitraries.of(".", "-"), word).as((a, s, b) -> a + s + b)),
                Tuple.of(1, Combinators.combine(word, Arbitraries.integers().between(0, 9999))
                        .as((w, n) -> w + "(" + n + ")")),
                Tuple.of(1, Arbitraries.of("", "CP.21", "ES-11", "Sub.2", "WG.4")));
        Arbitrary<String> series = Arbitraries.of("A", "S", "E", "CTOC", "ctoc", "4", "XIV", "ICCD", "A-B", "");
        Arbitrary<String> slash = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("/")),
                Tuple.of(1, Arbitraries.of(" /", "/ ", " / ")));
        Arbitrary<String> year = Arbitraries.of("", "", "", " (2002)", "(2015)", "  (1999)", " (99)");
        return Combinators.combine(series, component.list().ofMinSize(1).ofMaxSize(13), slash, year)
                .as((first, parts, separator, suffix) -> first + separator + String.join(separator, parts) + suffix);
    }
}
