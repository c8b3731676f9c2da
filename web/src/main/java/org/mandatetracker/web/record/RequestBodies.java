package org.mandatetracker.web.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Map;

/**
 * Turns what was typed into the API's request body: dotted names nest, blank inputs are left out (so the API's own
 * rule about a missing value speaks), and each input takes its field's JSON type. A number that is not one is sent
 * as typed, for the API to name the field and its rule.
 */
public final class RequestBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RequestBodies() {
    }

    public static JsonNode of(RecordForm form, Map<String, String> typed) {
        ObjectNode body = NODES.objectNode();
        for (Field field : form.fields()) {
            if (form.pathFields().contains(field.name())) {
                continue;
            }
            String value = typed.getOrDefault(field.name(), "").strip();
            JsonNode node = value(field, value);
            if (node != null) {
                put(body, field.name(), node);
            }
        }
        return body;
    }

    private static JsonNode value(Field field, String value) {
        if (field.type() == Field.Type.CHECKBOX) {
            return NODES.booleanNode(!value.isEmpty());
        }
        if (value.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case NUMBER -> value.matches("-?\\d{1,9}") ? NODES.numberNode(Integer.parseInt(value))
                    : NODES.textNode(value);
            case LINES -> {
                ArrayNode lines = NODES.arrayNode();
                Arrays.stream(value.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(lines::add);
                yield lines;
            }
            case PARAGRAPHS -> paragraphs(value);
            default -> NODES.textNode(value);
        };
    }

    /** One paragraph a line, its number before the first {@code |}: {@code 1 | Decides to establish ...}. */
    private static ArrayNode paragraphs(String value) {
        ArrayNode paragraphs = NODES.arrayNode();
        for (String line : value.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            ObjectNode paragraph = paragraphs.addObject();
            paragraph.put("number", bar < 0 ? "" : line.substring(0, bar).strip());
            paragraph.put("text", line.substring(bar + 1).strip());
        }
        return paragraphs;
    }

    private static void put(ObjectNode body, String name, JsonNode value) {
        String[] path = name.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
        }
        parent.set(path[path.length - 1], value);
    }
}
