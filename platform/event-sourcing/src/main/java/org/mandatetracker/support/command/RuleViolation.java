package org.mandatetracker.support.command;

/**
 * A command broke one of the aggregates' rules. It names the request field at fault and the rule, so the web layer
 * can answer with a problem response that says both.
 */
public class RuleViolation extends RuntimeException {

    /** How the violation answers over HTTP. */
    public enum Kind {
        /** Something the command names does not exist. */
        NOT_FOUND,
        /** The command contradicts what is already recorded. */
        CONFLICT,
        /** The command is well formed but its facts cannot be true. */
        UNPROCESSABLE,
        /** The command names something this service has not heard of yet, while news of it may still be on its way. */
        NOT_YET
    }

    private final Kind kind;
    private final String field;
    private final String rule;

    private RuleViolation(Kind kind, String field, String rule, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public static RuleViolation notFound(String field, String rule, String message) {
        return new RuleViolation(Kind.NOT_FOUND, field, rule, message);
    }

    public static RuleViolation conflict(String field, String rule, String message) {
        return new RuleViolation(Kind.CONFLICT, field, rule, message);
    }

    public static RuleViolation unprocessable(String field, String rule, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, field, rule, message);
    }

    public static RuleViolation notYet(String field, String rule, String message) {
        return new RuleViolation(Kind.NOT_YET, field, rule, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
