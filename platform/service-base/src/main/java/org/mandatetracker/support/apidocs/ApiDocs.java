package org.mandatetracker.support.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;


/**
 * Makes each service's OpenAPI document usable from the gateway's Swagger UI: its server is the gateway's public
 * {@code /api} (the services answer only the gateway), a bearer scheme gives the Authorize button, every operation
 * lists the problems it can answer with the {@code Problem} schema and an example, and request bodies carry examples
 * from the worked example ({@code openapi-examples.json} on the service's class path, keyed by "METHOD /path").
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    static final String BEARER = "bearer";
    private static final String PROBLEM = "urn:mandate-tracker:problem:";

    @Bean
    OpenApiCustomizer trackerApiDocs(@Value("${tracker.public-api-url:/api}") String publicApiUrl, ObjectMapper json) {
        JsonNode examples = examples(json);
        return openApi -> {
            openApi.setServers(List.of(new Server().url(publicApiUrl).description("Through the gateway")));
            openApi.getComponents()
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("A token with the role recorder (to write) or reader "
                                    + "(to read and subscribe); reads may be open without one"))
                    .addSchemas(ApiProblems.SCHEMA, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    document(path, method, operation, examples)));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, JsonNode examples) {
        boolean read = method == PathItem.HttpMethod.GET;
        operation.setSecurity(read ? List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement())
                : List.of(new SecurityRequirement().addList(BEARER)));
        String instance = "/api" + path.replace("{id}", "ctoc-wg-tip").replace("{ref}", "4%2F4");
        if (!read || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            ApiProblems.add(operation, 400, "The request breaks a rule; errors name each field and rule",
                    PROBLEM + "invalid-request", "Invalid request", read ? "asOf: must be a date written YYYY-MM-DD"
                            : "source.document: must be a decision number such as 4/4 or a document symbol such as "
                            + "CTOC/COP/WG.4/2011/8", instance);
        }
        ApiProblems.add(operation, 401, read ? "No valid token, where reads need one" : "No valid token",
                PROBLEM + "unauthorized", "Unauthorized", "Send a valid bearer token: Authorization: Bearer <token>; "
                        + "reading needs the reader or recorder role, writing the recorder role", instance);
        ApiProblems.add(operation, 403, read ? "The token has neither the reader nor the recorder role"
                        : "The token lacks the recorder role", PROBLEM + "forbidden", "Forbidden",
                "Your token's roles do not allow this: reading needs the reader or recorder role, writing and "
                        + "correcting the recorder role", instance);
        if (path.contains("{")) {
            ApiProblems.add(operation, 404, "Nothing is recorded under this id", "about:blank", "Not Found",
                    "No body 'ctoc-wg-tlp' is recorded", instance.replace("ctoc-wg-tip", "ctoc-wg-tlp"));
        }
        if (!read) {
            ApiProblems.add(operation, 413, "The body is over the gateway's limit", PROBLEM + "content-too-large",
                    "Content Too Large", "The request is too large; send a smaller body", instance);
        }
        ApiProblems.add(operation, 429, "Too many requests from this client", PROBLEM + "too-many-requests",
                "Too Many Requests", "More than 600 requests a minute from this client; wait 1 s (Retry-After), "
                        + "then send fewer requests, at most 600 a minute", instance);
        JsonNode example = examples.get(method.name() + " " + path);
        if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType body = operation.getRequestBody().getContent().get("application/json");
            if (body != null) {
                body.addExamples("worked example", new Example().value(example));
            }
        }
    }

    private static ObjectSchema problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.addProperty("field", new StringSchema().description("The field or parameter at fault"));
        fieldProblem.addProperty("rule", new StringSchema().description("The rule it broke"));
        fieldProblem.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem (application/problem+json)");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("What went wrong and what to do"));
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(fieldProblem));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    private static JsonNode examples(ObjectMapper json) {
        ClassPathResource resource = new ClassPathResource("openapi-examples.json");
        if (!resource.exists()) {
            return json.createObjectNode();
        }
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handler marked {@link Creates} answers 201 with {@code Location}, and 200 for an identical replay. */
    @Bean
    OperationCustomizer createdResponses() {
        return (operation, handler) -> {
            Creates creates = handler.getMethodAnnotation(Creates.class);
            if (creates == null || operation.getResponses() == null) {
                return operation;
            }
            ApiResponse ok = operation.getResponses().get("200");
            ApiResponses responses = new ApiResponses().addApiResponse("201", new ApiResponse()
                    .description(creates.value()).content(ok == null ? null : ok.getContent())
                    .addHeaderObject(HttpHeaders.LOCATION, new Header().schema(new StringSchema())
                            .description("The new resource's public path, such as /api/bodies/ctoc-wg-tip")));
            if (ok != null && !creates.replay().isEmpty()) {
                responses.addApiResponse("200", ok.description(creates.replay()));
            }
            operation.getResponses().forEach((status, response) -> {
                if (!status.equals("200")) {
                    responses.addApiResponse(status, response);
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }
}
