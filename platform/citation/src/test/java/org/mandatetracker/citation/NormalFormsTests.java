package org.mandatetracker.citation;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalFormsTests {

    private final AtomicInteger calls = new AtomicInteger();
    private final NormalForms forms = new NormalForms(text -> {
        calls.incrementAndGet();
        if (text.contains("!")) {
            throw new IllegalArgumentException("no normal form: " + text);
        }
        return text.toUpperCase(java.util.Locale.ROOT);
    }, text -> text.equals(text.toUpperCase(java.util.Locale.ROOT)) && !text.contains("!"));

    @Test
    void aSpellingAndItsNormalFormAreNormalisedOnlyOnce() {
        assertThat(forms.of("ctoc/cop")).isEqualTo("CTOC/COP");
        assertThat(forms.of("ctoc/cop")).isEqualTo("CTOC/COP");
        assertThat(forms.of("CTOC/COP")).isEqualTo("CTOC/COP");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aSpellingThatIsItsOwnNormalFormIsNeverNormalised() {
        assertThat(forms.of("A/RES/70/1")).isEqualTo("A/RES/70/1");
        assertThat(forms.of("S/RES/1440")).isEqualTo("S/RES/1440");
        assertThat(calls).hasValue(0);
    }

    @Test
    void aSpellingWithoutANormalFormIsRefusedEveryTimeAndNeverKept() {
        assertThatThrownBy(() -> forms.of("bad!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forms.of("bad!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void hostileSpellingsCannotGrowItWithoutBound() {
        for (int i = 0; i < 25_000; i++) {
            forms.of("s" + i);
        }
        calls.set(0);
        forms.of("s0");
        assertThat(calls).as("emptied when full, so the first spellings were dropped").hasValue(1);
    }
}
