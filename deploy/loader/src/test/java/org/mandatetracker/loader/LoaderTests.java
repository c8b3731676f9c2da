package org.mandatetracker.loader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader's command line, against a stand-in gateway that serves an OpenAPI document and answers POSTs. */
class LoaderTests {

    private static final String VALID = """
            bodies:
              - id: cop
                name: Conference of the Parties
                shortName: COP
                kind: PLENARY
                establishedOn: 2004-06-28
                establishedBy: {document: A/RES/55/25, paragraph: "32"}
            mandates:
              - id: report
                body: cop
                task: Report on implementation
                deadline: {form: standing}
                conferredOn: 2008-10-17
                source: {document: "4/4"}
            """;

    @TempDir
    Path dir;

    private HttpServer gateway;
    private final List<String> posts = new ArrayList<>();
    /** How each POST is answered: status then body. */
    private volatile PostAnswer answer = (n, path) -> new String[]{"201", "{\"outcome\": \"RECORDED\"}"};

    interface PostAnswer {
        String[] to(int n, String path);
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] docs = Files.readAllBytes(Path.of("src/test/resources/api-docs.json"));
        AtomicInteger count = new AtomicInteger();
        gateway.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("GET")
                    && exchange.getRequestURI().getPath().startsWith("/api-docs/")) {
                respond(exchange, 200, docs);
            } else if (exchange.getRequestMethod().equals("POST")) {
                posts.add(exchange.getRequestURI().getPath());
                String[] reply = answer.to(count.getAndIncrement(), exchange.getRequestURI().getPath());
                respond(exchange, Integer.parseInt(reply[0]), reply[1].getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 404, new byte[0]);
            }
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void helpAndVersionExitZeroAndTheUsageListsTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: loader", "--dry-run", "--gateway", "Exit codes:",
                "3   the data file is missing");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("loader \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void aDryRunReportsEveryProblemWithLineColumnAndFieldAndRecordsNothing() throws IOException {
        Path file = write("""
                bodies:
                  - id: cop
                    name: Conference of the Parties
                    kind: PLENARY
                    establishedOn: 2004-06-28
                    establishedBy: {document: A/RES/55/25}
                mandates:
                  - id: bad id!
                    body: cop
                    task: Report on implementation
                    deadline: {form: standing}
                    conferredOn: 17 October 2008
                    source: {document: "4/4"}
                """);
        assertThat(run(file.toString(), "--dry-run", "--api-docs", docs())).isEqualTo(Loader.BAD_FILE);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).containsExactlyInAnyOrder(
                lines.stream().filter(l -> l.startsWith("data.yaml:2:5: body cop: shortName: ")).findFirst()
                        .orElseThrow(),
                lines.stream().filter(l -> l.startsWith("data.yaml:8:9: mandate bad id!: id: ")).findFirst()
                        .orElseThrow(),
                lines.stream().filter(l -> l.startsWith("data.yaml:12:18: mandate bad id!: conferredOn: "))
                        .findFirst().orElseThrow());
        assertThat(lines.get(3)).isEqualTo("loader: 3 problem(s) in data.yaml; nothing recorded");
        assertThat(posts).isEmpty();
    }

    @Test
    void aValidFileIsRecordedOneLineForEachStepNamedByIdWaitingVisiblyForItsBody() throws IOException {
        answer = (n, path) -> n == 1 || n == 2
                ? new String[]{n == 1 ? "503" : "422",
                        "{\"errors\": [{\"field\": \"body\", \"rule\": \"known-body\"}]}"}
                : new String[]{"201", "{\"outcome\": \"RECORDED\"}"};
        Path file = write(VALID);
        assertThat(run(file.toString(), "--gateway", url(), "--token", "t", "--api-docs", docs())).isZero();
        assertThat(out.toString()).contains("[1/2] body cop", "[2/2] mandate report",
                        "mandate report: waiting for its body to reach the other services", "s left")
                .contains("Done: 2 recorded, 0 already there.");
        assertThat(posts).containsExactly("/api/bodies", "/api/bodies/cop/mandates", "/api/bodies/cop/mandates",
                "/api/bodies/cop/mandates");
        assertThat(run(file.toString(), "--dry-run", "--gateway", url())).as("rules read from the gateway").isZero();
    }

    @Test
    void failuresAreOneLineWithTheirOwnExitCodeAndNoStackTrace() throws IOException {
        Path file = write(VALID);
        assertThat(run(file.toString(), "--bogus")).isEqualTo(Loader.USAGE);
        assertOneLine("loader: Unknown option: '--bogus'");

        assertThat(run(dir.resolve("missing.yaml").toString(), "--dry-run")).isEqualTo(Loader.BAD_FILE);
        assertOneLine("loader: no such file: ");

        assertThat(run(file.toString(), "--dry-run", "--gateway", "http://127.0.0.1:" + freePort()))
                .isEqualTo(Loader.UNREACHABLE);
        assertOneLine("loader: cannot reach the gateway at http://127.0.0.1:");

        answer = (n, path) -> new String[]{"403", ""};
        assertThat(run(file.toString(), "--gateway", url(), "--token", "reader", "--api-docs", docs()))
                .isEqualTo(Loader.NOT_ALLOWED);
        assertOneLine("loader: the token is not a recorder's (403)");

        answer = (n, path) -> path.equals("/api/bodies") ? new String[]{"201", "{}"} : new String[]{"409", "{\"detail\": \"Mandate "
                + "report already exists with different content\", \"errors\": [{\"field\": \"task\"}]}"};
        assertThat(run(file.toString(), "--gateway", url(), "--token", "t", "--api-docs", docs()))
                .isEqualTo(Loader.REFUSED);
        assertThat(err.toString().lines()).containsExactly(
                "data.yaml:11:11: mandate report: 409 Mandate report already exists with different content",
                "loader: stopped at step 2 of 2; the 1 before it are recorded, and loading the file again after "
                        + "fixing it is safe");
    }

    private void assertOneLine(String start) {
        assertThat(err.toString().lines()).singleElement().asString().startsWith(start).doesNotContain("Exception");
        err.getBuffer().setLength(0);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Loader.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("data.yaml"), yaml);
    }

    private String url() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    private static String docs() {
        return "src/test/resources/api-docs.json";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
