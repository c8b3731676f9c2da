package org.mandatetracker.citation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentReferenceTests {

    @ParameterizedTest(name = "''{0}'' is decision number {1}")
    @CsvSource(delimiter = '|', value = {"4/4 | 4/4", "5/2 | 5/2", "' 4 / 4 ' | 4/4", "xiv/5 | XIV/5",
            "1/cp.21 | 1/CP.21", "70/1 | 70/1", "12/3A | 12/3A"})
    void readsDecisionNumbers(String written, String normalised) {
        DocumentReference reference = DocumentReference.parse(written);
        assertThat(reference.value()).isEqualTo(normalised);
        assertThat(reference.isDecisionNumber()).isTrue();
    }

    @Test
    void readsDocumentSymbols() {
        DocumentReference reference = DocumentReference.parse("ctoc/cop/wg.4/2011/8");
        assertThat(reference.value()).isEqualTo("CTOC/COP/WG.4/2011/8");
        assertThat(reference.isDecisionNumber()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4/", "/4", "4//4", "decision 4/4", "4/4/", "1234/1", "A/RES/70/1 extra"})
    void rejectsWhatIsNeither(String text) {
        assertThat(DocumentReference.isValid(text)).isFalse();
        assertThatThrownBy(() -> DocumentReference.parse(text)).hasMessageContaining("decision number");
    }

    @Test
    void citesAParagraphWithinItsLimit() {
        assertThat(SourceCitation.of("4/4", "1").toString()).isEqualTo("4/4, para. 1");
        assertThat(SourceCitation.of("4/4", null).toString()).isEqualTo("4/4");
        assertThatThrownBy(() -> SourceCitation.of("4/4", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceCitation.of("4/4", "x".repeat(41))).isInstanceOf(IllegalArgumentException.class);
    }
}
