package org.mandatetracker.support.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents a problem an operation can answer: the RFC 9457 {@code Problem} schema and a realistic example, taken
 * from the worked example (the Working Group on Trafficking in Persons).
 */
public final class ApiProblems {

    public static final String SCHEMA = "Problem";

    private ApiProblems() {
    }

    /** Adds the problem to the operation, unless the operation already documents that status. */
    public static void add(Operation operation, int status, String description, String type, String title,
                           String detail, String instance) {
        if (operation.getResponses().containsKey(Integer.toString(status))) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", instance);
        operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                                .addExamples(title, new Example().value(example)))));
    }
}
