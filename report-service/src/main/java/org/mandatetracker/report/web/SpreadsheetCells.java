package org.mandatetracker.report.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * How text reaches a spreadsheet safely. Every string cell that a spreadsheet would run as a formula (it starts
 * with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends against CSV
 * injection; a value that must not be read as a date or number (a decision number such as {@code 5/2}) is written
 * as the text formula {@code ="5/2"}, the only formula the export writes, built from a value already validated.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** A value to show as written, never converted; only for values whose spelling was validated upstream. */
    record KeptAsText(String value) {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    /** Registers both rules with a CSV mapper, so no column can miss them. */
    static SimpleModule module() {
        return new SimpleModule("spreadsheet-cells")
                .addSerializer(String.class, new StdSerializer<>(String.class) {
                    @Override
                    public void serialize(String value, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString(neutralise(value));
                    }
                })
                .addSerializer(KeptAsText.class, new StdSerializer<>(KeptAsText.class) {
                    @Override
                    public void serialize(KeptAsText value, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        out.writeString("=\"" + value.value().replace("\"", "\"\"") + "\"");
                    }
                });
    }
}
