package org.mandatetracker.support.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a date in a request may be, in one place: a string written exactly {@code YYYY-MM-DD}, a day of the
 * calendar, between 1000-01-01 and 9999-12-31 (what every store and client can hold), in bodies and query
 * parameters alike.
 */
public final class DateRule {

    public static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private DateRule() {
    }

    public static LocalDate parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new TextRule.Violation("date", "must be a date written YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new TextRule.Violation("date", "must be a day of the calendar written YYYY-MM-DD, not " + text);
        }
        if (date.isBefore(EARLIEST)) {
            throw new TextRule.Violation("date-range", "must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }
}
