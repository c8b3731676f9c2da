package org.mandatetracker.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hostile requests generated from a table of endpoints: every text field, path variable and query parameter gets
 * every hostile string, every date gets every hostile date, every body gets foreign media types, charsets and
 * repeated keys. Each case names the field its answer must name. A service's test lists its endpoints with one
 * valid request each, runs the cases over real HTTP and checks the answers with {@link #failures}.
 */
public final class HostileInputs {

    /** A hostile value: JSON text to put where a string goes, or raw bytes when JSON cannot express them. */
    public record Value(String name, String json, byte[] raw, boolean breaksLineOnly, boolean blank,
                        boolean jsonOnly) {

        static Value text(String name, String text) {
            return new Value(name, JSON.getNodeFactory().textNode(text).toString(), null, false, text.isBlank(), false);
        }

        static Value lineBreak(String name, String text) {
            return new Value(name, JSON.getNodeFactory().textNode(text).toString(), null, true, false, false);
        }

        static Value escaped(String name, String jsonEscapes) {
            return new Value(name, "\"a" + jsonEscapes + "b\"", null, false, false, true);
        }

        static Value bytes(String name, int... bytes) {
            byte[] raw = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                raw[i] = (byte) bytes[i];
            }
            return new Value(name, null, raw, false, false, false);
        }

        /** The value's characters as a URL's path or query would carry them, percent-encoded. */
        String urlEncoded() {
            byte[] bytes = raw != null ? raw : JSON_TEXT.apply(json).getBytes(StandardCharsets.UTF_8);
            StringBuilder encoded = new StringBuilder("a");
            for (byte b : bytes) {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
            return encoded.append('b').toString();
        }
    }

    /** One request and the field its refusal must name. */
    public record Case(String name, String method, String path, String contentType, byte[] body, String field,
                       boolean inPath) {

        @Override
        public String toString() {
            return method + " " + path + " (" + name + ")";
        }
    }

    /** What the service answered to a case. */
    public record Answer(Case request, int status, String contentType, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.function.Function<String, String> JSON_TEXT = json -> {
        try {
            return JSON.readTree(json).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String PLACEHOLDER = "\u0001hostile\u0001";

    /** Strings no field may hold; the line breaks are allowed in multi-line fields. */
    public static final List<Value> STRINGS = List.of(
            Value.text("NUL", "a\u0000b"),
            Value.text("NUL alone", "\u0000"),
            Value.text("bell", "a\u0007b"),
            Value.text("escape sequence", "\u001b[2J"),
            Value.text("DEL", "a\u007fb"),
            Value.text("C1 NEL U+0085", "a\u0085b"),
            Value.text("C1 CSI U+009B", "a\u009bb"),
            Value.lineBreak("line feed", "a\nb"),
            Value.lineBreak("carriage return", "a\rb"),
            Value.lineBreak("tab", "a\tb"),
            Value.lineBreak("line separator U+2028", "a\u2028b"),
            Value.lineBreak("paragraph separator U+2029", "a\u2029b"),
            Value.escaped("lone high surrogate", "\\ud800"),
            Value.escaped("lone low surrogate", "\\udfff"),
            Value.escaped("reversed surrogate pair", "\\ude00\\ud83d"),
            Value.text("non-character U+FFFE", "a\ufffeb"),
            Value.text("non-character U+FDD0", "a\ufdd0b"),
            Value.escaped("non-character U+10FFFF", "\\udbff\\udfff"),
            Value.text("blank", "   "),
            Value.text("empty", ""),
            new Value("no-break spaces", "\"\u00a0\u00a0\"", null, false, true, false),
            Value.bytes("overlong NUL C0 80", 0xC0, 0x80),
            Value.bytes("overlong slash C0 AF", 0xC0, 0xAF),
            Value.bytes("overlong 3-byte NUL", 0xE0, 0x80, 0x80),
            Value.bytes("stray continuation byte", 0x80),
            Value.bytes("surrogate in UTF-8 ED A0 80", 0xED, 0xA0, 0x80),
            Value.bytes("beyond U+10FFFF", 0xF4, 0x90, 0x80, 0x80),
            Value.bytes("byte FF", 0xFF),
            Value.bytes("Latin-1 e-acute", 0xE9));

    /** Dates no field or parameter may hold, as the JSON to put in place of a date string. */
    public static final Map<String, String> DATES = dates();

    public static final List<String> MEDIA_TYPES = List.of("application/yaml", "application/x-yaml", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "text/json", "application/json; charset=ISO-8859-1",
            "application/json; charset=UTF-16", "application/json; charset=windows-1252", "application/json;charset=bogus");

    private static Map<String, String> dates() {
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("year 10000", "\"+10000-01-01\"");
        dates.put("far year", "\"+999999998-12-31\"");
        dates.put("before year 1000", "\"0999-12-31\"");
        dates.put("year 0", "\"0000-01-01\"");
        dates.put("negative year", "\"-0001-01-01\"");
        dates.put("30 February", "\"2011-02-30\"");
        dates.put("month 13", "\"2011-13-01\"");
        dates.put("unpadded", "\"2011-1-5\"");
        dates.put("date-time", "\"2011-01-05T00:00:00Z\"");
        dates.put("trailing space", "\"2011-01-05 \"");
        dates.put("full-width digits", "\"\uff12\uff10\uff11\uff11-01-05\"");
        dates.put("NUL", "\"2011-01-05\\u0000\"");
        dates.put("empty", "\"\"");
        dates.put("array", "[2011,1,5]");
        dates.put("number", "20110105");
        dates.put("object", "{\"year\":2011}");
        dates.put("true", "true");
        return dates;
    }

    private final List<Case> cases = new ArrayList<>();

    /**
     * A command: {@code template} with {@code {name}} variables filled from {@code variables}, and one valid body.
     * Every string in the body is a field to attack; strings shaped like dates are date fields.
     */
    public HostileInputs post(String template, Map<String, String> variables, String validJson,
                              String... multiLineFields) {
        String path = url(template, variables, Map.of(), null, null);
        JsonNode valid = parse(validJson);
        Set<String> multiLine = Set.of(multiLineFields);
        Map<String, String> leaves = new LinkedHashMap<>();
        collect(valid, "", leaves);
        leaves.forEach((field, value) -> {
            boolean date = DATE.matcher(value).matches();
            if (date) {
                DATES.forEach((name, json) -> add("date " + name + " in " + field, "POST", path,
                        bodyWith(valid, field, json.getBytes(StandardCharsets.UTF_8)), field));
            } else {
                for (Value hostile : STRINGS) {
                    if (hostile.breaksLineOnly() && multiLine.contains(field)) {
                        continue;
                    }
                    byte[] raw = hostile.raw() != null ? quoted(hostile.raw())
                            : hostile.json().getBytes(StandardCharsets.UTF_8);
                    add(hostile.name() + " in " + field, "POST", path, bodyWith(valid, field, raw), field);
                }
            }
        });
        byte[] body = validJson.getBytes(StandardCharsets.UTF_8);
        for (String type : MEDIA_TYPES) {
            cases.add(new Case("media type " + type, "POST", path, type, body, "Content-Type", false));
        }
        Iterator<String> names = valid.fieldNames();
        String first = names.next();
        String repeated = "{" + JSON.getNodeFactory().textNode(first) + ":" + valid.get(first) + ","
                + validJson.strip().substring(1);
        add("repeated key " + first, "POST", path, repeated.getBytes(StandardCharsets.UTF_8), first);
        valid.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ObjectNode nested && nested.size() > 0) {
                String key = nested.fieldNames().next();
                String inner = "{" + JSON.getNodeFactory().textNode(key) + ":" + nested.get(key) + ","
                        + nested.toString().substring(1);
                ObjectNode copy = valid.deepCopy();
                copy.putRawValue(field.getKey(), new com.fasterxml.jackson.databind.util.RawValue(inner));
                add("repeated key " + field.getKey() + "." + key, "POST", path,
                        copy.toString().getBytes(StandardCharsets.UTF_8), field.getKey() + "." + key);
            }
        });
        pathVariables("POST", template, variables, Map.of(), validJson.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A query: path variables and query parameters to attack; the listed ones are dates. */
    public HostileInputs get(String template, Map<String, String> variables, Map<String, String> parameters) {
        pathVariables("GET", template, variables, parameters, null);
        parameters.forEach((name, value) -> {
            if (DATE.matcher(value).matches()) {
                DATES.forEach((dateName, json) -> {
                    if (!"empty".equals(dateName)) {
                        add("date " + dateName + " in " + name, "GET",
                                url(template, variables, parameters, name, urlDate(json)), null, name);
                    }
                });
            }
            for (Value hostile : STRINGS) {
                if (!hostile.blank() && !hostile.jsonOnly()) {
                    add(hostile.name() + " in " + name, "GET",
                            url(template, variables, parameters, name, hostile.urlEncoded()), null, name);
                }
            }
        });
        return this;
    }

    public List<Case> cases() {
        return List.copyOf(cases);
    }

    /** Sends every case to the service at {@code base} and collects the answers. */
    public static List<Answer> send(URI base, List<Case> cases, Map<String, String> headers) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Answer> answers = new ArrayList<>();
        for (Case request : cases) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            headers.forEach(builder::header);
            if (request.body() != null) {
                builder.header("Content-Type", request.contentType())
                        .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            } else {
                builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(request, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), response.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(request.toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return answers;
    }

    /**
     * What is wrong with each answer: anything but a 4xx {@code application/problem+json} whose {@code errors} name
     * the case's field with a rule (a URI the server cannot decode at all may name the {@code path} instead).
     */
    public static List<String> failures(List<Answer> answers) {
        List<String> failures = new ArrayList<>();
        for (Answer answer : answers) {
            String wrong = wrong(answer);
            if (wrong != null) {
                failures.add(answer.request() + ": " + wrong + " -> " + answer.status() + " " + answer.body());
            }
        }
        return failures;
    }

    private static String wrong(Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return "not a 4xx";
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        JsonNode errors;
        try {
            errors = JSON.readTree(answer.body()).path("errors");
        } catch (IOException e) {
            return "unreadable problem";
        }
        for (JsonNode error : errors) {
            String field = error.path("field").asText();
            boolean named = answer.request().field().equals(field) || answer.request().inPath() && "path".equals(field);
            if (named && !error.path("rule").asText().isBlank()) {
                return null;
            }
        }
        return "does not name " + answer.request().field();
    }

    private void pathVariables(String method, String template, Map<String, String> variables,
                               Map<String, String> parameters, byte[] body) {
        variables.keySet().forEach(name -> {
            for (Value hostile : STRINGS) {
                if (!hostile.blank() && !hostile.jsonOnly()) {
                    String url = url(template, variables, parameters, name, hostile.urlEncoded());
                    cases.add(new Case(hostile.name() + " in path " + name, method, url,
                            body == null ? null : "application/json", body, name, true));
                }
            }
        });
    }

    private void add(String name, String method, String path, byte[] body, String field) {
        cases.add(new Case(name, method, path, body == null ? null : "application/json", body, field, false));
    }

    private static String urlDate(String json) {
        String text = json.startsWith("\"") ? JSON_TEXT.apply(json) : json;
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return encoded.toString();
    }

    /** The URL with its variables and parameters filled in, the attacked one with the given encoded value. */
    private static String url(String template, Map<String, String> variables, Map<String, String> parameters,
                              String attacked, String encoded) {
        String path = template;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}",
                    variable.getKey().equals(attacked) ? encoded : encode(variable.getValue()));
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(name.equals(attacked) ? encoded : encode(value)));
        return path + query;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every string leaf of a body, by its dotted path ({@code source.paragraph}, {@code legalBasis[0]}). */
    private static void collect(JsonNode node, String path, Map<String, String> leaves) {
        if (node.isTextual()) {
            leaves.put(path, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        }
    }

    /** The valid body with the field at {@code path} replaced by the given raw JSON bytes. */
    private static byte[] bodyWith(JsonNode valid, String path, byte[] replacement) {
        JsonNode copy = valid.deepCopy();
        replace(copy, path, JsonNodeFactory.instance.textNode(PLACEHOLDER));
        String text = copy.toString();
        String marker = JsonNodeFactory.instance.textNode(PLACEHOLDER).toString();
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        List<String> steps = new ArrayList<>(Arrays.asList(path.replace("[", ".[").split("\\.")));
        steps.removeIf(String::isEmpty);
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = step(parent, steps.get(i));
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static JsonNode step(JsonNode node, String step) {
        return step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                : node.get(step);
    }

    private static byte[] quoted(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        out.write('a');
        out.writeBytes(raw);
        out.write('b');
        out.write('"');
        return out.toByteArray();
    }
}
