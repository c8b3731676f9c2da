package org.mandatetracker.support.text;

import java.text.Normalizer;

/**
 * What text may enter through a request, in one place. Text is refused if it holds a control character (C0, DEL or
 * C1; tab, line feed and carriage return are allowed in multi-line text), a lone surrogate or a non-character
 * (malformed UTF-8 arrives as one), a line or paragraph separator in single-line text, or nothing but blanks. Blank
 * optional text is refused rather than taken as absent: a client that means "none" leaves the field out. Accepted
 * text is returned in Unicode normalisation form C, so equal text is stored equal.
 */
public final class TextRule {

    /** Text that broke the rule; {@link #rule()} names which part. */
    public static final class Violation extends IllegalArgumentException {

        private final String rule;

        Violation(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private TextRule() {
    }

    /** The text normalised to NFC, or a {@link Violation} naming the first rule it breaks. */
    public static String check(String text, boolean multiLine) {
        if (!checkCharacters(text, multiLine)) {
            throw new Violation("blank", "must not be blank; leave an optional field out instead");
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Checks every character (not blankness: an empty query parameter is taken as absent) and answers whether the
     * text has anything visible.
     */
    public static boolean checkCharacters(String text, boolean multiLine) {
        boolean blank = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new Violation("surrogate", "must be well-formed Unicode text; it holds a lone surrogate "
                        + hex(c));
            }
            checkCodePoint(codePoint, multiLine);
            blank &= invisible(codePoint);
        }
        return !blank;
    }

    private static void checkCodePoint(int codePoint, boolean multiLine) {
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t' || codePoint == 0x2028
                || codePoint == 0x2029) {
            if (!multiLine) {
                throw new Violation("single-line", "must be a single line; it holds " + hex(codePoint));
            }
        } else if (codePoint < 0x20 || codePoint >= 0x7F && codePoint <= 0x9F) {
            throw new Violation("control", "must not hold control characters; it holds " + hex(codePoint));
        } else if (codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE) {
            throw new Violation("noncharacter", "must be well-formed UTF-8 text without non-characters; it holds "
                    + hex(codePoint));
        }
    }

    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
