package org.mandatetracker.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value in a JSON body broke a rule; Jackson adds the path of the field as the exception travels out. */
public class FieldRuleException extends JsonMappingException {

    private final String rule;

    public FieldRuleException(JsonParser parser, String rule, String message) {
        super(parser, message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** The message without the location Jackson appends. */
    public String rawMessage() {
        return getOriginalMessage();
    }
}
