package org.mandatetracker.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Records a data file through the gateway as a recorder: {@code loader <file> [--gateway URL] [--token TOKEN]}
 * (defaults: {@code MANDATE_TRACKER_GATEWAY} or http://127.0.0.1:8080, and {@code MANDATE_TRACKER_TOKEN}). Every
 * entry carries its id, so a second run records nothing new. It stops at the first request the API refuses, naming
 * the file's line and field. Exit status: 0 done, 1 refused by the API, 2 bad file or arguments.
 */
public final class Loader {

    /** A body or mandate recorded a moment ago may not have reached the other services yet. */
    private static final Duration CONSISTENCY_WAIT = Duration.ofSeconds(60);

    private final URI gateway;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public Loader(URI gateway, String token, PrintStream out) {
        this.gateway = gateway;
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String file = null;
        String gateway = env("MANDATE_TRACKER_GATEWAY", "http://127.0.0.1:8080");
        String token = env("MANDATE_TRACKER_TOKEN", null);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--token" -> token = args[++i];
                default -> file = args[i];
            }
        }
        if (file == null || token == null) {
            System.err.println("usage: loader <file.yaml> [--gateway URL] [--token RECORDER_TOKEN]");
            System.exit(2);
        }
        System.exit(new Loader(URI.create(gateway), token, System.out).load(Path.of(file)));
    }

    /** Records the file; returns the exit status. */
    public int load(Path file) throws IOException, InterruptedException {
        List<Step> steps;
        try {
            steps = DataFile.read(file);
        } catch (DataFileException e) {
            e.problems().forEach(System.err::println);
            return 2;
        }
        int recorded = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            HttpResponse<String> response = post(step);
            JsonNode answer = read(response.body());
            if (response.statusCode() >= 300) {
                System.err.println(file.getFileName() + ":" + step.locate(firstField(answer)) + ": " + step.label()
                        + ": " + response.statusCode() + " " + answer.path("detail").asText(response.body()));
                return 1;
            }
            String outcome = answer.path("outcome").asText("RECORDED");
            if (outcome.equals("RECORDED")) {
                recorded++;
            }
            out.printf("[%d/%d] %-40s %s%n", i + 1, steps.size(), step.label(), outcome.toLowerCase());
        }
        out.printf("Done: %d recorded, %d already there.%n", recorded, steps.size() - recorded);
        return 0;
    }

    private HttpResponse<String> post(Step step) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(step.path()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(step.body())))
                .timeout(Duration.ofSeconds(30))
                .build();
        Instant giveUp = Instant.now().plus(CONSISTENCY_WAIT);
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean notYetKnown = response.statusCode() == 422
                    && "known-body".equals(read(response.body()).at("/errors/0/rule").asText());
            if (!notYetKnown || Instant.now().isAfter(giveUp)) {
                return response;
            }
            Thread.sleep(500);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String firstField(JsonNode problem) {
        JsonNode field = problem.at("/errors/0/field");
        return field.isTextual() ? field.asText() : null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
