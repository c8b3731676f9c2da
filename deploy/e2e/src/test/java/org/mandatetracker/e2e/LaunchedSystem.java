package org.mandatetracker.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real system, as {@code deploy/local/up} starts it: four JVMs and the web application, a KRaft broker from Maven
 * Central's jars, the local PostgreSQL, and the worked example loaded through the gateway. It runs on ports of its
 * own and databases with a suffix of its own. Every test class that uses this extension shares the one launch;
 * {@code deploy/local/down --purge} removes all of it when the test run ends, even when a step failed.
 */
final class LaunchedSystem implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path RUN = Path.of("target/e2e-run").toAbsolutePath();
    /** The gateway's port ({@code -De2e.portBase}); the services, the web application and Kafka take ports after it. */
    static final int PORT_BASE = Integer.getInteger("e2e.portBase", 18080);
    static final String GATEWAY = "http://127.0.0.1:" + PORT_BASE;
    static final String WEB = "http://127.0.0.1:" + (PORT_BASE + 4);
    /** report-service's log line for each consumed record, which carries the record's trace id. */
    static final String CONSUMER_LOG = "org.mandatetracker.report.projection.TopicConsumers";
    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("MT_RUN_DIR", RUN.toString()),
            Map.entry("MT_DB_SUFFIX", "_e2e_" + UUID.randomUUID().toString().substring(0, 6)),
            Map.entry("GATEWAY_PORT", port(0)), Map.entry("MANDATE_PORT", port(1)),
            Map.entry("MEETING_PORT", port(2)), Map.entry("REPORT_PORT", port(3)), Map.entry("WEB_PORT", port(4)),
            Map.entry("KAFKA_PORT", port(1012)), Map.entry("KAFKA_CONTROLLER_PORT", port(1013)),
            Map.entry("MT_START_TIMEOUT", "600"),
            Map.entry("REPORT_JAVA_OPTS", "-Dlogging.level." + CONSUMER_LOG + "=DEBUG"));

    private static Properties tokens;

    static String port(int offset) {
        return Integer.toString(PORT_BASE + offset);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LaunchedSystem.class, key -> launch(), LaunchedSystem.class);
    }

    private static LaunchedSystem launch() {
        LaunchedSystem system = new LaunchedSystem();
        try {
            int exit = run(Duration.ofMinutes(12), "up", ROOT.resolve("deploy/local/up").toString());
            if (exit != 0) {
                system.close();
                throw new AssertionError("deploy/local/up exited " + exit + "; see target/e2e-up.log");
            }
            Properties read = new Properties();
            try (var reader = Files.newBufferedReader(RUN.resolve("tokens.env"))) {
                read.load(reader);
            }
            tokens = read;
            return system;
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("Could not start the system", failed);
        }
    }

    /** A token {@code deploy/local/up} minted: {@code RECORDER_TOKEN} or {@code READER_TOKEN}. */
    static String token(String name) {
        return tokens.getProperty(name);
    }

    /** Keeps the processes' logs (under {@code target/e2e-logs}) before the run folder is purged. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path logs = RUN.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Files.createDirectories(Path.of("target/e2e-logs"));
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        run(Duration.ofMinutes(2), "down", ROOT.resolve("deploy/local/down").toString(), "--purge");
    }

    /** The suffix of the system's database names. */
    static String dbSuffix() {
        return ENV.get("MT_DB_SUFFIX");
    }

    /** Runs a launcher script with the system's settings, its output in {@code target/e2e-<log>.log}. */
    static int run(Duration timeout, String log, String... command) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("target"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target/e2e-" + log + ".log").toFile());
        builder.environment().putAll(ENV);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than " + timeout);
        }
        return process.exitValue();
    }
}
