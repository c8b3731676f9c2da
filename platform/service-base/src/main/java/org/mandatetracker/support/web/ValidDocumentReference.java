package org.mandatetracker.support.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.mandatetracker.citation.DocumentReference;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The text is a decision number such as {@code 4/4} or a well-formed UN document symbol; {@code null} passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDocumentReference.Validator.class)
public @interface ValidDocumentReference {

    String message() default "must be a decision number such as 4/4 or a UN document symbol such as "
            + "CTOC/COP/WG.4/2011/8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDocumentReference, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || DocumentReference.isValid(value);
        }
    }
}
