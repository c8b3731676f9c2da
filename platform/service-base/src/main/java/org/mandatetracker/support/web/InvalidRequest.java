package org.mandatetracker.support.web;

/** A request field broke a rule that bean validation cannot express; answered as 400 naming the field and rule. */
public class InvalidRequest extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidRequest(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
