package org.mandatetracker.report.web;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tells an id nothing was ever recorded about from one with nothing to show as of a date, so that a typo is a 404
 * rather than an empty answer. Asked only when an answer is empty, so known ids cost nothing more.
 */
@Component
class KnownIds {

    private final JdbcClient jdbc;

    KnownIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void requireBody(String bodyId) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM fact WHERE body_id = ?)").param(bodyId)
                .query(Boolean.class).single()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No body '" + bodyId + "' is recorded; "
                    + "GET /bodies lists the bodies");
        }
    }

    void requireDecision(String reference) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM fact WHERE decision_ref = :ref) "
                        + "OR EXISTS (SELECT 1 FROM fact WHERE source_document = :ref)").param("ref", reference)
                .query(Boolean.class).single()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision or document '" + reference
                    + "' is adopted or cited in any recorded fact");
        }
    }
}
