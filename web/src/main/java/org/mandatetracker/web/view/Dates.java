package org.mandatetracker.web.view;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as people read them ("14 October 2012", "14 octobre 2012"); templates keep ISO in datetime attributes. */
@Component("dates")
public class Dates {

    private static final String DAY = "d MMMM uuuu";
    private static final String MOMENT = "d MMMM uuuu, HH:mm 'UTC'";

    /** An ISO date or timestamp in words; anything else as it came. */
    public String text(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.length() <= 10) {
                return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern(DAY, LocaleContextHolder.getLocale()));
            }
            return OffsetDateTime.parse(iso).atZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern(MOMENT, LocaleContextHolder.getLocale()));
        } catch (DateTimeParseException notADate) {
            return iso;
        }
    }

    /** A period in words: one date when it starts and ends on the same day. */
    public String period(String from, String to) {
        if (to == null || to.isBlank() || to.equals(from)) {
            return text(from);
        }
        return text(from) + " – " + text(to);
    }

    public String today() {
        return LocalDate.now().toString();
    }
}
