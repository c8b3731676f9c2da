package org.mandatetracker.report.query;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Folds iCalendar content lines at 75 octets of UTF-8 (RFC 5545 §3.1), never inside a character. ical4j's own
 * {@code FoldingWriter} counts chars, so a line of Cyrillic or Arabic text would pass 75 octets, and it can split a
 * surrogate pair.
 */
final class OctetFoldingWriter extends FilterWriter {

    static final int MAX_OCTETS = 75;

    private int lineOctets;
    private boolean pendingHighSurrogate;

    OctetFoldingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (ch == '\r' || ch == '\n') {
            lineOctets = 0;
            out.write(ch);
            return;
        }
        if (Character.isLowSurrogate(ch) && pendingHighSurrogate) {
            pendingHighSurrogate = false;
            out.write(ch);
            return;
        }
        int octets = Character.isHighSurrogate(ch) ? 4 : ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
        pendingHighSurrogate = Character.isHighSurrogate(ch);
        if (lineOctets + octets > MAX_OCTETS) {
            out.write("\r\n ");
            lineOctets = 1;
        }
        lineOctets += octets;
        out.write(ch);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(text.charAt(i));
        }
    }
}
