package org.mandatetracker.report.query;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of the mandate list ends, in the list's own order (resolved due date, open-ended last; conferral; id),
 * so that the next page starts after it however deep it is. Clients hold it as an opaque cursor.
 */
public record PageKey(LocalDate due, LocalDate conferredOn, String mandateId) {

    static PageKey of(MandateReport last) {
        return new PageKey(last.resolvedDue(), last.conferredOn(), last.id());
    }

    public String cursor() {
        String key = (due == null ? "" : due.toString()) + "|" + conferredOn + "|" + mandateId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor stands for; a cursor not made by {@link #cursor()} is an {@link IllegalArgumentException}. */
    public static PageKey ofCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("not a page cursor");
            }
            return new PageKey(parts[0].isEmpty() ? null : LocalDate.parse(parts[0]), LocalDate.parse(parts[1]),
                    parts[2]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a page cursor", e);
        }
    }
}
