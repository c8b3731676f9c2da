package org.mandatetracker.citation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentSymbolTests {

    @ParameterizedTest(name = "{0} is already normalised")
    @ValueSource(strings = {
            // the seed document and its agenda
            "CTOC/COP/WG.4/2011/8", "CTOC/COP/2012/1",
            // General Assembly, Security Council, ECOSOC and its commissions
            "A/RES/70/1", "S/RES/1440 (2002)", "S/RES/2231 (2015)", "E/CN.15/2011/L.1/Add.2", "A/C.3/70/L.1",
            "A/70/PV.4", "A/RES/ES-11/1", "A/HRC/RES/S-1/1", "A/CONF.234/16", "E/CN.7/2020/15", "E/2011/30",
            "E/CN.4/Sub.2/2003/12/Rev.2", "A/HRC/WG.6/1/BHR/1", "ST/SGB/2003/13", "A/75/L.1/Corr.1",
            "A/RES/53/111", "A/RES/55/25", "E/CN.15/2012/L.6/Rev.1",
            // treaty bodies and conventions' secretariats
            "CTOC/COP/2010/17", "CTOC/COP/WG.2/2011/4", "CAC/COSP/2019/17", "UNODC/CCPCJ/EG.4/2013/3",
            "CCPR/C/GC/36", "CEDAW/C/GC/35", "FCCC/CP/2015/10/Add.1", "FCCC/SBSTA/2011/MISC.1",
            "UNEP/CBD/COP/DEC/X/2", "ICCD/COP(10)/31", "TD/B/C.I/1", "A/ES-10/L.22/Amend.1"})
    void acceptsRealSymbolsAsTheyAreWritten(String symbol) {
        assertThat(DocumentSymbol.parse(symbol).value()).isEqualTo(symbol);
        assertThat(DocumentReference.parse(symbol).isDecisionNumber()).isFalse();
        assertThat(DocumentSymbol.isNormal(symbol)).isTrue();
        assertThat(DocumentReference.isNormal(symbol)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' normalises to {1}")
    @CsvSource(delimiter = '|', value = {
            "a/res/70/1 | A/RES/70/1",
            "ctoc/cop/wg.4/2011/8 | CTOC/COP/WG.4/2011/8",
            "'  CTOC / COP / 2012 / 1 ' | CTOC/COP/2012/1",
            "S/RES/1440(2002) | S/RES/1440 (2002)",
            "'S/RES/1440   (2002)' | S/RES/1440 (2002)",
            "e/cn.15/2011/l.1/add.2 | E/CN.15/2011/L.1/Add.2",
            "A/75/L.1/CORR.1 | A/75/L.1/Corr.1",
            "E/CN.4/SUB.2/2003/12/REV.2 | E/CN.4/Sub.2/2003/12/Rev.2",
            "a/es-10/l.22/amend.1 | A/ES-10/L.22/Amend.1"})
    void normalisesSpellingAndSpacing(String written, String normalised) {
        assertThat(DocumentSymbol.parse(written).value()).isEqualTo(normalised);
        assertThat(DocumentSymbol.parse(written)).isEqualTo(DocumentSymbol.parse(normalised));
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {
            "", "   ", "A", "RES", "/A/RES/70/1", "A/RES/70/1/", "A//RES/70/1", "A/RES/70/1/Add.", "A/RES/70/1/Add..1",
            "A RES 70 1", "A/RES/70 1", "12/RES/1", "-A/RES/1", "A/RES/70/1 (20)", "A/RES/70/1 (2002",
            "S/RES/1440 (2002) (2003)", "A/RES/70/1!", "CTOC/COP/WG.4/2011/8#", "A/RES/<script>", "A/RES/70/1;DROP",
            "A/RES/ThisComponentIsFarTooLongToBeReal/1", "A/1/2/3/4/5/6/7/8/9/10/11/12", "A/RES/70/1_2",
            "CTOC\\COP\\2012\\1", "A/RES/70/１"})
    void rejectsMalformedSymbols(String text) {
        assertThat(DocumentSymbol.isValid(text)).isFalse();
        assertThatThrownBy(() -> DocumentSymbol.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("document symbol");
    }

    @Test
    void rejectsNull() {
        assertThat(DocumentSymbol.isValid(null)).isFalse();
    }

    @Test
    void rejectsOverlongSymbols() {
        String overlong = "A/" + "1/".repeat(40) + "1";
        assertThatThrownBy(() -> DocumentSymbol.parse(overlong)).hasMessageContaining("at most 80");
    }

    @Test
    void exposesSeriesAndComponents() {
        DocumentSymbol symbol = DocumentSymbol.parse("S/RES/1440 (2002)");
        assertThat(symbol.series()).isEqualTo("S");
        assertThat(symbol.components()).isEqualTo(List.of("S", "RES", "1440"));
    }

    @Test
    void refusesToHoldAnUnnormalisedValue() {
        assertThatThrownBy(() -> new DocumentSymbol("a/res/70/1")).isInstanceOf(IllegalArgumentException.class);
    }
}
