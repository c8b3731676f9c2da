package org.mandatetracker.mandate.web;

import org.mandatetracker.support.web.InvalidRequest;
import org.mandatetracker.support.web.Limits;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.mandatetracker.mandate.api.Deadline;

import java.time.LocalDate;

/**
 * A deadline as a request states it: {@code {"form": "on-date", "date": "2012-12-31"}},
 * {@code {"form": "before-session", "bodyId": "ctoc-cop", "session": 6}}, the same with {@code "at-session"}, or
 * {@code {"form": "standing"}}.
 */
public record DeadlineInput(
        @NotNull Form form,
        LocalDate date,
        @Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String bodyId,
        @Positive @Max(Limits.SESSION) Integer session) {

    public enum Form {
        @JsonProperty("on-date") ON_DATE,
        @JsonProperty("before-session") BEFORE_SESSION,
        @JsonProperty("at-session") AT_SESSION,
        @JsonProperty("standing") STANDING
    }

    Deadline toDeadline(String field) {
        return switch (form) {
            case ON_DATE -> new Deadline.OnDate(require(date, field + ".date", "an on-date deadline needs its date"));
            case BEFORE_SESSION -> new Deadline.BeforeSession(sessionBody(field), sessionNumber(field));
            case AT_SESSION -> new Deadline.AtSession(sessionBody(field), sessionNumber(field));
            case STANDING -> new Deadline.Standing();
        };
    }

    private String sessionBody(String field) {
        return require(bodyId, field + ".bodyId", "a session deadline names the body whose session it is");
    }

    private int sessionNumber(String field) {
        return require(session, field + ".session", "a session deadline names the session's number");
    }

    private static <T> T require(T value, String field, String message) {
        if (value == null) {
            throw new InvalidRequest(field, "NotNull", message);
        }
        return value;
    }
}
