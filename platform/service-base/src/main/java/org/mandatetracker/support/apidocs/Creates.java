package org.mandatetracker.support.apidocs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a handler that answers 201 with a {@code Location} when it creates, for the API docs. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Creates {

    /** What the 201 means. */
    String value();

    /** What a 200 means, when an identical request repeated answers 200; empty when it never does. */
    String replay() default "";
}
