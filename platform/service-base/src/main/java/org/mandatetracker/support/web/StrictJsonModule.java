package org.mandatetracker.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.mandatetracker.support.text.DateRule;
import org.mandatetracker.support.text.MultiLine;
import org.mandatetracker.support.text.TextRule;

import java.io.IOException;
import java.time.LocalDate;

/** Applies {@link TextRule} to every string and {@link DateRule} to every date of a request body. */
final class StrictJsonModule extends SimpleModule {

    StrictJsonModule() {
        super("strict-request-json");
        addDeserializer(String.class, new Text(false));
        addDeserializer(LocalDate.class, new Date());
    }

    private static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
            return multi == multiLine ? this : new Text(multi);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            try {
                return TextRule.check(text, multiLine);
            } catch (TextRule.Violation violation) {
                throw new FieldRuleException(parser, violation.rule(), violation.getMessage());
            }
        }
    }

    private static final class Date extends StdScalarDeserializer<LocalDate> {

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                return DateRule.parse(parser.getText());
            } catch (TextRule.Violation violation) {
                throw new FieldRuleException(parser, violation.rule(), violation.getMessage());
            }
        }
    }
}
