package org.mandatetracker.testsupport;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.mandatetracker.support.command.RuleViolation;

/** Matches a {@link RuleViolation} by how it answers, which field it names and which rule it cites. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<RuleViolation> violates(RuleViolation.Kind kind, String field, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind && violation.field().equals(field) && violation.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " violation of rule " + rule + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was a " + violation.kind() + " violation of rule " + violation.rule()
                        + " on field " + violation.field() + ": " + violation.getMessage());
            }
        };
    }
}
