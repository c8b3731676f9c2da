package org.mandatetracker.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Records a data file through the gateway as a recorder. Every entry carries its id, so a second run records nothing
 * new. The whole file is first checked against the API's rules; {@code --dry-run} stops there.
 */
@Command(name = "loader", mixinStandardHelpOptions = true, versionProvider = Loader.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Records a data file of facts (bodies, mandates, meetings and what they held, adopted and "
                + "issued, fulfilments) through the Mandate Tracker gateway, as a recorder.",
                "The whole file is first checked against the API's rules, as the services publish them in their "
                        + "OpenAPI documents, and every problem is reported at its line, column and field; nothing "
                        + "is recorded from a file with problems."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every step recorded or already there (with --dry-run: the file is valid)",
                "1:the API refused a step; the steps before it are recorded",
                "2:bad options or arguments",
                "3:the data file is missing, unreadable or breaks the API's rules",
                "4:the gateway could not be reached",
                "5:the token was refused (401) or is not a recorder's (403)"})
public final class Loader implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int BAD_FILE = 3;
    static final int UNREACHABLE = 4;
    static final int NOT_ALLOWED = 5;

    @Parameters(paramLabel = "FILE", description = "The YAML (or JSON) data file, e.g. "
            + "deploy/examples/ctoc-trafficking-in-persons.yaml")
    Path file;

    @Option(names = "--gateway", paramLabel = "URL",
            defaultValue = "${env:MANDATE_TRACKER_GATEWAY:-http://127.0.0.1:8080}",
            description = "The gateway's base URL (default: $MANDATE_TRACKER_GATEWAY, else ${DEFAULT-VALUE})")
    URI gateway;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:MANDATE_TRACKER_TOKEN}",
            description = "A recorder's bearer token (default: $MANDATE_TRACKER_TOKEN); not needed with --dry-run")
    String token;

    @Option(names = "--dry-run", description = "Check the whole file against the API's rules and record nothing")
    boolean dryRun;

    @Option(names = "--api-docs", paramLabel = "URL_OR_FILE", split = ",",
            description = "The OpenAPI documents holding the API's rules (default: the gateway's "
                    + "/api-docs/mandate-service and /api-docs/meeting-service)")
    List<String> apiDocs;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to keep retrying a step whose body has not yet reached the other services "
                    + "(default: ${DEFAULT-VALUE})")
    int waitSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Loader()).setOut(out).setErr(err)
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println("loader: " + e.getMessage()
                            + " (loader --help shows the usage)");
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("loader: " + (e instanceof Failure failure ? failure.getMessage()
                            : e.getClass().getSimpleName() + ": " + e.getMessage()));
                    return e instanceof Failure failure ? failure.exitCode : REFUSED;
                })
                .execute(args);
    }

    /** A reason to stop, told in one line, with its exit code. */
    static final class Failure extends Exception {
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }

    @Override
    public Integer call() throws Failure, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!dryRun && (token == null || token.isBlank())) {
            throw new Failure(USAGE, "a recorder's token is needed: --token TOKEN or MANDATE_TRACKER_TOKEN");
        }
        String name = file.getFileName().toString();
        List<Step> steps;
        try {
            steps = DataFile.read(file);
        } catch (NoSuchFileException e) {
            throw new Failure(BAD_FILE, "no such file: " + file);
        } catch (IOException e) {
            throw new Failure(BAD_FILE, "cannot read " + file + ": " + e.getMessage());
        } catch (DataFileException e) {
            e.problems().forEach(err::println);
            throw new Failure(BAD_FILE, e.problems().size() + " problem(s) in " + name + "; nothing recorded");
        }
        ApiRules rules = rules();
        List<String> problems = rules.problems(name, steps);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            throw new Failure(BAD_FILE, problems.size() + " problem(s) in " + name + "; nothing recorded");
        }
        if (dryRun) {
            out.printf("%s is valid: %d steps checked against %d operations of the API; nothing recorded.%n", name,
                    steps.size(), rules.operations());
            return 0;
        }
        return record(name, steps, out, err);
    }

    private int record(String name, List<Step> steps, PrintWriter out, PrintWriter err)
            throws Failure, InterruptedException {
        int recorded = 0;
        int width = String.valueOf(steps.size()).length();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            HttpResponse<String> response = post(step, out);
            JsonNode answer = read(response.body());
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new Failure(NOT_ALLOWED, status == 401
                        ? "the gateway refused the token (401): it is missing, malformed or expired"
                        : "the token is not a recorder's (403): ask for a token with the recorder role");
            }
            if (status >= 300) {
                err.println(name + ":" + step.locate(firstField(answer)) + ": " + step.name() + ": " + status + " "
                        + detail(answer, response));
                throw new Failure(REFUSED, "stopped at step " + (i + 1) + " of " + steps.size() + "; the "
                        + i + " before it are recorded, and loading the file again after fixing it is safe");
            }
            String outcome = answer.path("outcome").asText("RECORDED");
            if (outcome.equals("RECORDED")) {
                recorded++;
            }
            out.printf("[%" + width + "d/%d] %-60s %s%n", i + 1, steps.size(), step.name(), outcome.toLowerCase());
        }
        out.printf("Done: %d recorded, %d already there.%n", recorded, steps.size() - recorded);
        return 0;
    }

    /** Sends a step, retrying with a countdown while a body it names is still on its way to the other services. */
    private HttpResponse<String> post(Step step, PrintWriter out) throws Failure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(step.path()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(step.body().toString()))
                .timeout(Duration.ofSeconds(30))
                .build();
        Instant giveUp = Instant.now().plusSeconds(waitSeconds);
        long lastShown = -1;
        while (true) {
            HttpResponse<String> response = send(request);
            // 503 while meeting-service is still reading the bodies published; 422 if it has read them all, but
            // mandate-service has not yet published this one.
            boolean notYetKnown = (response.statusCode() == 422 || response.statusCode() == 503)
                    && "known-body".equals(read(response.body()).at("/errors/0/rule").asText());
            long left = Duration.between(Instant.now(), giveUp).toSeconds();
            if (!notYetKnown || left <= 0) {
                if (lastShown >= 0) {
                    out.println();
                }
                return response;
            }
            if (left != lastShown) {
                out.printf("\r        %s: waiting for its body to reach the other services, %2d s left ",
                        step.name(), left);
                out.flush();
                lastShown = left;
            }
            Thread.sleep(250);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Failure, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Failure(UNREACHABLE, "cannot reach the gateway at " + gateway + " (is it running? "
                    + "--gateway or MANDATE_TRACKER_GATEWAY sets its address)");
        } catch (HttpTimeoutException e) {
            throw new Failure(UNREACHABLE, "the gateway at " + gateway + " did not answer " + request.method() + " "
                    + request.uri().getPath() + " within 30 s");
        } catch (IOException e) {
            throw new Failure(UNREACHABLE, "the gateway at " + gateway + " failed: " + e.getMessage());
        }
    }

    /** The API's OpenAPI documents, from the gateway or as given. */
    private ApiRules rules() throws Failure, InterruptedException {
        List<String> sources = apiDocs != null ? apiDocs : List.of(gateway.resolve("/api-docs/mandate-service")
                .toString(), gateway.resolve("/api-docs/meeting-service").toString());
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String source : sources) {
            documents.put(source, document(source));
        }
        return new ApiRules(documents);
    }

    private JsonNode document(String source) throws Failure, InterruptedException {
        try {
            if (!source.startsWith("http://") && !source.startsWith("https://")) {
                return json.readTree(Files.readString(Path.of(source)));
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(source))
                    .timeout(Duration.ofSeconds(30)).GET().build());
            if (response.statusCode() != 200) {
                throw new Failure(UNREACHABLE, "the API's rules could not be read from " + source + ": "
                        + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new Failure(BAD_FILE, "the API's rules could not be read from " + source + ": " + e.getMessage());
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String detail(JsonNode problem, HttpResponse<String> response) {
        List<String> parts = new ArrayList<>();
        if (problem.path("detail").isTextual()) {
            parts.add(problem.path("detail").asText());
        }
        problem.path("errors").forEach(error -> {
            String message = error.path("message").asText("");
            if (!message.isEmpty() && !parts.contains(message)) {
                parts.add(error.path("field").asText("") + ": " + message);
            }
        });
        return parts.isEmpty() ? (response.body().isBlank() ? "(no explanation given)" : response.body().strip())
                : String.join("; ", parts);
    }

    private static String firstField(JsonNode problem) {
        JsonNode field = problem.at("/errors/0/field");
        return field.isTextual() ? field.asText() : null;
    }

    /** The version the build stamped into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Loader.class.getResourceAsStream("/loader-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[]{"loader " + properties.getProperty("version", "unknown")};
        }
    }
}
