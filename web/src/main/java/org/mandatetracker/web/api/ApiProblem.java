package org.mandatetracker.web.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal from the API: its status and RFC 9457 problem details, with each error's message by field. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final JsonNode body;

    public ApiProblem(int status, JsonNode body) {
        super(status + " " + (body == null ? "" : body.path("detail").asText(body.path("title").asText())));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String title() {
        return body == null ? "" : body.path("title").asText("");
    }

    public String detail() {
        return body == null ? "" : body.path("detail").asText("");
    }

    /** The API's {@code errors} list as field to message; several messages for one field are joined. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText("");
                String message = error.path("message").asText(error.path("rule").asText(""));
                errors.merge(field, message, (a, b) -> a + "; " + b);
            }
        }
        return errors;
    }
}
