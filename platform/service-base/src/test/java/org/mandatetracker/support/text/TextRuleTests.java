package org.mandatetracker.support.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRuleTests {

    /** Unicode's 66 non-characters, listed from the standard's definition rather than from the rule's arithmetic. */
    private static final Set<Integer> NONCHARACTERS = new HashSet<>();

    static {
        for (int c = 0xFDD0; c <= 0xFDEF; c++) {
            NONCHARACTERS.add(c);
        }
        for (int plane = 0; plane <= 16; plane++) {
            NONCHARACTERS.add(plane * 0x10000 + 0xFFFE);
            NONCHARACTERS.add(plane * 0x10000 + 0xFFFF);
        }
    }

    @Test
    void everyCodePointIsJudgedAsTheRuleSays() {
        assertThat(NONCHARACTERS).hasSize(66);
        int refusedSingle = 0;
        int refusedMulti = 0;
        List<String> misjudged = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = "a" + new String(Character.toChars(c)) + "b";
            int type = Character.getType(c);
            boolean control = type == Character.CONTROL;
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            boolean separator = type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            boolean surrogate = type == Character.SURROGATE;
            boolean bad = surrogate || NONCHARACTERS.contains(c);
            boolean single = !(control || separator || bad);
            boolean multi = !(control && !lineBreak || bad);
            if (accepts(text, false) != single || accepts(text, true) != multi) {
                misjudged.add(String.format("U+%04X", c));
            }
            refusedSingle += single ? 0 : 1;
            refusedMulti += multi ? 0 : 1;
        }
        assertThat(misjudged).isEmpty();
        // 65 controls, 2048 surrogate code units, 66 non-characters, and in one line 2 separators.
        assertThat(refusedSingle).isEqualTo(65 + 2048 + 66 + 2);
        assertThat(refusedMulti).isEqualTo(65 - 3 + 2048 + 66);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("NUL", "a\u0000b", "control"),
                Arguments.of("escape", "\u001b[31m", "control"),
                Arguments.of("delete", "a\u007fb", "control"),
                Arguments.of("next line U+0085", "a\u0085b", "control"),
                Arguments.of("C1 U+009F", "a\u009fb", "control"),
                Arguments.of("tab", "a\tb", "single-line"),
                Arguments.of("line feed", "a\nb", "single-line"),
                Arguments.of("carriage return", "a\rb", "single-line"),
                Arguments.of("line separator", "a\u2028b", "single-line"),
                Arguments.of("paragraph separator", "a\u2029b", "single-line"),
                Arguments.of("lone high surrogate", "a\ud800b", "surrogate"),
                Arguments.of("lone low surrogate", "a\udc00b", "surrogate"),
                Arguments.of("swapped pair", "\ude00\ud83d", "surrogate"),
                Arguments.of("high at the end", "ab\udbff", "surrogate"),
                Arguments.of("U+FFFE", "a\ufffeb", "noncharacter"),
                Arguments.of("U+FFFF (bad UTF-8)", "a\uffffb", "noncharacter"),
                Arguments.of("U+FDD0", "\ufdd0", "noncharacter"),
                Arguments.of("U+10FFFF", "\udbff\udfff", "noncharacter"),
                Arguments.of("empty", "", "blank"),
                Arguments.of("no-break space only", "\u00a0", "blank"),
                Arguments.of("zero width only", "\u200b\ufeff", "blank"),
                Arguments.of("ideographic space", "\u3000", "blank"));
    }

    @ParameterizedTest(name = "{0} is refused by rule {2}")
    @MethodSource("hostile")
    void hostileSingleLineText(String name, String text, String rule) {
        assertThatThrownBy(() -> TextRule.check(text, false)).as(name)
                .isInstanceOfSatisfying(TextRule.Violation.class, v -> assertThat(v.rule()).isEqualTo(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\r\n \u2028"})
    void blankTextIsRefusedEvenWhereLinesMayBreak(String text) {
        assertThatThrownBy(() -> TextRule.check(text, true))
                .isInstanceOfSatisfying(TextRule.Violation.class, v -> assertThat(v.rule()).isEqualTo("blank"));
        assertThat(TextRule.checkCharacters(text, true)).isFalse();
    }

    @Test
    void multiLineTextKeepsItsLinesAndTabs() {
        assertThat(TextRule.check("1.\tAdvise\r\nand assist\u2028States", true))
                .isEqualTo("1.\tAdvise\r\nand assist\u2028States");
    }

    @Test
    void textIsNormalisedToNfc() {
        assertThat(TextRule.check("Cote d'Ivoire: Co\u0302te", false)).isEqualTo("Cote d'Ivoire: C\u00f4te");
        assertThat(TextRule.check("\u1100\u1161", false)).isEqualTo("\uac00");
        assertThat(TextRule.check("\u212b", false)).isEqualTo("\u00c5");
        assertThat(TextRule.check("emoji \ud83d\ude00 stays", false)).isEqualTo("emoji \ud83d\ude00 stays");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1000-01-01 | 1000-01-01
            9999-12-31 | 9999-12-31
            2024-02-29 | 2024-02-29
            2008-10-17 | 2008-10-17
            """)
    void datesInRange(String text, LocalDate expected) {
        assertThat(DateRule.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused by rule {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0999-12-31              | date-range
            0001-01-01              | date-range
            0000-01-01              | date-range
            +10000-01-01            | date
            +999999998-12-31        | date
            -0001-01-01             | date
            2023-02-29              | date
            2024-13-01              | date
            2024-00-10              | date
            2024-04-31              | date
            2024-1-01               | date
            20240101                | date
            2024-01-01T00:00        | date
            '2024-01-01 '           | date
            '[2000,1,3]'            | date
            \uff12\uff10\uff12\uff14-01-01 | date
            \u0662\u0660\u0662\u0664-01-01 | date
            ''                      | date
            """)
    void datesOutOfShapeOrRange(String text, String rule) {
        assertThatThrownBy(() -> DateRule.parse(text == null ? "" : text))
                .isInstanceOfSatisfying(TextRule.Violation.class, v -> assertThat(v.rule()).isEqualTo(rule));
    }

    private static boolean accepts(String text, boolean multiLine) {
        try {
            return TextRule.checkCharacters(text, multiLine);
        } catch (TextRule.Violation violation) {
            return false;
        }
    }
}
