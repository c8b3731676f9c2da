package org.mandatetracker.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML (or JSON) data file of facts, turned into the API requests that record them, in order: bodies, then
 * mandates, then meetings with what they held, adopted and issued, then fulfilments. Entries are written as the
 * API's request bodies, plus the keys that say where they go ({@code body} for a mandate, {@code mandate} for a
 * fulfilment, and a meeting's {@code held}, {@code decisions}, {@code recommendations} and {@code documents}).
 */
public final class DataFile {

    private static final List<String> SECTIONS = List.of("bodies", "mandates", "meetings", "fulfilments");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String name;
    private final List<String> problems = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    private DataFile(String name) {
        this.name = name;
    }

    public static List<Step> read(Path file) throws IOException, DataFileException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(file.getFileName().toString(), reader);
        }
    }

    public static List<Step> read(String name, Reader reader) throws DataFileException {
        DataFile data = new DataFile(name);
        Node root;
        try {
            root = new Yaml().compose(reader);
        } catch (MarkedYAMLException e) {
            throw new DataFileException(List.of(name + ":" + (e.getProblemMark().getLine() + 1) + ":"
                    + (e.getProblemMark().getColumn() + 1) + ": not valid YAML: " + e.getProblem()));
        }
        if (!(root instanceof MappingNode document)) {
            throw new DataFileException(List.of(name + ":1:1: expected sections " + SECTIONS));
        }
        Map<String, SequenceNode> sections = new LinkedHashMap<>();
        for (NodeTuple section : document.getValue()) {
            String key = data.text(section.getKeyNode());
            if (!SECTIONS.contains(key)) {
                data.problem(section.getKeyNode(), key, "unknown section; expected one of " + SECTIONS);
            } else if (section.getValueNode() instanceof SequenceNode list) {
                sections.put(key, list);
            } else {
                data.problem(section.getValueNode(), key, "must be a list of entries");
            }
        }
        for (String section : SECTIONS) {
            if (sections.containsKey(section)) {
                data.section(section, sections.get(section));
            }
        }
        if (!data.problems.isEmpty()) {
            throw new DataFileException(data.problems);
        }
        return data.steps;
    }

    private void section(String section, SequenceNode entries) {
        List<Node> list = entries.getValue();
        for (int i = 0; i < list.size(); i++) {
            String label = section + "[" + i + "]";
            if (!(list.get(i) instanceof MappingNode entry)) {
                problem(list.get(i), label, "must be a mapping of fields");
                continue;
            }
            switch (section) {
                case "bodies" -> add(label, "body " + value(entry, "id", label), "/api/bodies", entry, Set.of(),
                        "id");
                case "mandates" -> {
                    String body = required(entry, label, "body");
                    add(label, "mandate " + value(entry, "id", label), "/api/bodies/" + body + "/mandates", entry,
                            Set.of("body"), "id");
                }
                case "fulfilments" -> {
                    String mandate = required(entry, label, "mandate");
                    add(label, "fulfilment of " + mandate, "/api/mandates/" + mandate + "/fulfilment", entry,
                            Set.of("mandate"));
                }
                default -> meeting(label, entry);
            }
        }
    }

    private void meeting(String label, MappingNode entry) {
        Set<String> outcomes = Set.of("held", "decisions", "recommendations", "documents");
        String id = required(entry, label, "id");
        add(label, "meeting " + id, "/api/meetings", entry, outcomes, "id");
        for (NodeTuple field : entry.getValue()) {
            String key = text(field.getKeyNode());
            if (key.equals("held") && field.getValueNode() instanceof MappingNode held) {
                add(label + ".held", "meeting " + id + " held", "/api/meetings/" + id + "/held", held, Set.of());
            } else if (outcomes.contains(key) && field.getValueNode() instanceof SequenceNode list) {
                for (int i = 0; i < list.getValue().size(); i++) {
                    String itemLabel = label + "." + key + "[" + i + "]";
                    if (list.getValue().get(i) instanceof MappingNode item) {
                        add(itemLabel, outcomeName(key, item, itemLabel, id), "/api/meetings/" + id + "/" + key,
                                item, Set.of());
                    } else {
                        problem(list.getValue().get(i), itemLabel, "must be a mapping of fields");
                    }
                }
            } else if (outcomes.contains(key)) {
                problem(field.getValueNode(), label + "." + key, key.equals("held") ? "must be a mapping of fields"
                        : "must be a list of entries");
            }
        }
    }

    /** What a meeting's outcome is called in the loader's output: its number, id or symbol. */
    private String outcomeName(String key, MappingNode item, String label, String meetingId) {
        return switch (key) {
            case "decisions" -> "decision " + value(item, "reference", label) + " at " + meetingId;
            case "recommendations" -> "recommendation " + value(item, "id", label);
            default -> "document " + value(item, "symbol", label);
        };
    }

    /** A scalar field's value, or the entry's place in the file when it has none. */
    private String value(MappingNode entry, String field, String label) {
        for (NodeTuple tuple : entry.getValue()) {
            if (field.equals(text(tuple.getKeyNode())) && tuple.getValueNode() instanceof ScalarNode scalar
                    && !scalar.getValue().isBlank()) {
                return scalar.getValue();
            }
        }
        return label;
    }

    private void add(String label, String name, String path, MappingNode entry, Set<String> routingKeys,
                     String... required) {
        for (String field : required) {
            required(entry, label, field);
        }
        Map<String, String> locations = new LinkedHashMap<>();
        ObjectNode body = JSON.objectNode();
        for (NodeTuple field : entry.getValue()) {
            String key = text(field.getKeyNode());
            if (!routingKeys.contains(key)) {
                body.set(key, json(field.getValueNode(), key, locations));
            }
        }
        steps.add(new Step(label, name, path, body, at(entry), locations));
    }

    private String required(MappingNode entry, String label, String field) {
        for (NodeTuple tuple : entry.getValue()) {
            if (field.equals(text(tuple.getKeyNode())) && tuple.getValueNode() instanceof ScalarNode scalar
                    && !scalar.getValue().isBlank()) {
                return scalar.getValue();
            }
        }
        problem(entry, label + "." + field, "is required");
        return "?";
    }

    private JsonNode json(Node node, String path, Map<String, String> locations) {
        locations.put(path, at(node));
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple field : mapping.getValue()) {
                String key = text(field.getKeyNode());
                object.set(key, json(field.getValueNode(), path + "." + key, locations));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(json(item, path, locations));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return JSON.booleanNode(Boolean.parseBoolean(scalar.getValue().toLowerCase()));
        }
        if (tag.equals(Tag.INT)) {
            return JSON.numberNode(Long.parseLong(scalar.getValue()));
        }
        if (tag.equals(Tag.FLOAT)) {
            return JSON.numberNode(Double.parseDouble(scalar.getValue()));
        }
        return JSON.textNode(scalar.getValue());
    }

    private String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private void problem(Node node, String label, String message) {
        problems.add(name + ":" + at(node) + ": " + label + ": " + message);
    }

    private static String at(Node node) {
        return (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
    }
}
