package org.mandatetracker.mandate.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.LocalDate;

/**
 * When a mandate is due, in one of the four forms decisions use. The session forms stay unresolved until the
 * session is scheduled; resolving them is the read side's job.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "form")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Deadline.OnDate.class, name = "on-date"),
        @JsonSubTypes.Type(value = Deadline.BeforeSession.class, name = "before-session"),
        @JsonSubTypes.Type(value = Deadline.AtSession.class, name = "at-session"),
        @JsonSubTypes.Type(value = Deadline.Standing.class, name = "standing")})
public sealed interface Deadline {

    /** "by 31 December 2012". */
    record OnDate(LocalDate date) implements Deadline {
    }

    /** "prior to the sixth session of the Conference": due the day before that session opens. */
    record BeforeSession(String bodyId, int session) implements Deadline {
    }

    /** "present ... to the Conference at its sixth session": due the day that session opens. */
    record AtSession(String bodyId, int session) implements Deadline {
    }

    /** No deadline: the mandate stands until ended. */
    record Standing() implements Deadline {
    }

    /** The body whose session the deadline waits on, or {@code null} for the dated and standing forms. */
    default String sessionBodyId() {
        if (this instanceof BeforeSession before) {
            return before.bodyId();
        }
        return this instanceof AtSession at ? at.bodyId() : null;
    }
}
