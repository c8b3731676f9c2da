package org.mandatetracker.support.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.mandatetracker.citation.DocumentSymbol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The text is a well-formed UN document symbol such as {@code CTOC/COP/WG.4/2011/8}; {@code null} passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDocumentSymbol.Validator.class)
public @interface ValidDocumentSymbol {

    String message() default "must be a UN document symbol such as CTOC/COP/WG.4/2011/8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDocumentSymbol, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || DocumentSymbol.isValid(value);
        }
    }
}
