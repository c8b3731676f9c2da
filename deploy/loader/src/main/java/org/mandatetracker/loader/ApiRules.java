package org.mandatetracker.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API's rules for request bodies, as the services publish them in their OpenAPI documents (generated from the
 * request records' constraints, so the rules live in one place): required fields, types, patterns, lengths,
 * enumerations and date formats. Facts that depend on what is already recorded (an unknown body, a second sixth
 * session) are only known to the API when the request is sent.
 */
final class ApiRules {

    /** A request path that the documents describe, and the schema of its body. */
    private record Operation(Pattern path, Schema body) {
    }

    private final List<Operation> operations = new ArrayList<>();

    /** @param documents each OpenAPI document by a name for it, e.g. the URL it was read from */
    ApiRules(Map<String, JsonNode> documents) {
        Map<String, String> texts = new LinkedHashMap<>();
        documents.forEach((name, document) -> texts.put(iri(name), anchored(document.deepCopy()).toString()));
        documents.forEach((name, document) -> {
            Dialect dialect = document.path("openapi").asText().startsWith("3.0") ? Dialects.getOpenApi30()
                    : Dialects.getOpenApi31();
            // A date must be a date here too, though OpenAPI 3.1's dialect only annotates formats by default.
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemas(texts)
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            document.path("paths").properties().forEach(path -> {
                JsonNode schema = path.getValue().at("/post/requestBody/content/application~1json/schema");
                if (!schema.isMissingNode()) {
                    String pointer = "/paths/" + escape(path.getKey())
                            + "/post/requestBody/content/application~1json/schema";
                    operations.add(new Operation(template(path.getKey()),
                            registry.getSchema(SchemaLocation.of(iri(name) + "#" + pointer))));
                }
            });
        });
    }

    /** Every way the steps break the API's rules, each at its line, column and field. */
    List<String> problems(String file, List<Step> steps) {
        List<String> problems = new ArrayList<>();
        for (Step step : steps) {
            String path = step.path().replaceFirst("^/api", "");
            operations.stream().filter(operation -> operation.path().matcher(path).matches()).findFirst()
                    .ifPresentOrElse(operation -> {
                        for (Error error : operation.body().validate(step.body())) {
                            String field = field(error);
                            problems.add(file + ":" + step.locate(field) + ": " + step.name() + ": "
                                    + (field.isEmpty() ? "" : field + ": ") + message(error));
                        }
                    }, () -> problems.add(file + ":" + step.location() + ": " + step.name() + ": the API has no "
                            + "POST " + step.path()));
        }
        return problems;
    }

    /**
     * The services' patterns come from Bean Validation's {@code @Pattern}, which must match the whole value; a JSON
     * schema pattern matches anywhere in it unless anchored.
     */
    private static JsonNode anchored(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("pattern").isTextual()) {
                object.put("pattern", "^(?:" + object.get("pattern").asText() + ")$");
            }
            object.properties().forEach(field -> anchored(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(ApiRules::anchored);
        }
        return node;
    }

    int operations() {
        return operations.size();
    }

    /** The dotted path of the field the error is about; a missing required field is named, not its parent. */
    private static String field(Error error) {
        var at = error.getInstanceLocation();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(element);
            }
        }
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            field.append(field.isEmpty() ? "" : ".").append(error.getProperty());
        }
        return field.toString();
    }

    /** The validator's message without its leading instance path, which the line already names. */
    private static String message(Error error) {
        String message = error.getMessage();
        return message.replaceFirst("^\\$[^:]*: ", "");
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static String iri(String name) {
        return "https://loader.invalid/api-docs/" + Integer.toHexString(name.hashCode()) + ".json";
    }
}
