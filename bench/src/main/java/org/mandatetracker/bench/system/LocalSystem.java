package org.mandatetracker.bench.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real system, started by {@code deploy/local/up} with a run folder, ports and database suffix of its own and
 * without the worked example, and removed by {@code deploy/local/down --purge}. The launcher and the jars it runs
 * are copied first into a tree of the run's own, so rebuilding the working tree while a run goes on cannot pull
 * classes from under the running services.
 */
public final class LocalSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("mandate-service", "meeting-service", "report-service",
            "gateway", "web");
    private static final List<String> COPIED = List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties",
            "deploy/local/up", "deploy/local/down", "deploy/local/supervise", "deploy/local/kafka/pom.xml",
            "deploy/local/kafka/server.properties", "deploy/local/kafka/log4j.properties",
            "mandate-service/mandate-app/target/mandate-app-0.1.0-SNAPSHOT.jar",
            "meeting-service/meeting-app/target/meeting-app-0.1.0-SNAPSHOT.jar",
            "report-service/target/report-service-0.1.0-SNAPSHOT.jar", "gateway/target/gateway-0.1.0-SNAPSHOT.jar",
            "deploy/loader/target/loader-0.1.0-SNAPSHOT.jar", "web/target/web-0.1.0-SNAPSHOT.jar");
    private static final Pattern STARTED = Pattern.compile(
            "Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final Path source;
    private final Path root;
    private final Path run;
    private final Path output;
    private final Ports ports;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration launchTime;

    /**
     * @param javaOptions handed to the launcher for the services' JVMs, e.g. {@code -Xmx256m}
     * @param output      where the launcher's output, and the services' logs before they are purged, are kept
     */
    public LocalSystem(Path root, Path run, String dbSuffix, Ports ports, String javaOptions, Path output) {
        this.source = root;
        this.root = output.resolve("system");
        this.run = run;
        this.output = output;
        this.ports = ports;
        environment.put("MT_RUN_DIR", run.toString());
        environment.put("MT_DB_SUFFIX", dbSuffix);
        environment.put("MT_LOAD_EXAMPLE", "false");
        environment.put("GATEWAY_PORT", Integer.toString(ports.gateway()));
        environment.put("MANDATE_PORT", Integer.toString(ports.mandate()));
        environment.put("MEETING_PORT", Integer.toString(ports.meeting()));
        environment.put("REPORT_PORT", Integer.toString(ports.report()));
        environment.put("WEB_PORT", Integer.toString(ports.web()));
        environment.put("KAFKA_PORT", Integer.toString(ports.kafka()));
        environment.put("KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()));
        environment.put("JAVA_OPTS", javaOptions);
    }

    /** Sets one more of the launcher's settings, e.g. {@code MT_REPLICAS}; before {@link #start}. */
    public LocalSystem with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The run folder: logs, pids, secrets and tokens. */
    public Path run() {
        return run;
    }

    /** Runs the launcher again, which starts what is not running and leaves the rest as it is. */
    public void up(Duration timeout) throws IOException, InterruptedException {
        int exit = launcher(timeout, "again", root.resolve("deploy/local/up").toString());
        if (exit != 0) {
            throw new IllegalStateException("deploy/local/up failed again (exit " + exit + "); see "
                    + output.resolve("launcher-again.log"));
        }
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        for (String file : COPIED) {
            Path from = source.resolve(file);
            if (!Files.exists(from)) {
                throw new IllegalStateException(from + " is missing: build first (./mvnw -B -DskipTests install)");
            }
            Files.createDirectories(root.resolve(file).getParent());
            Files.copy(from, root.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        long begin = System.nanoTime();
        int exit = launcher(timeout, "up", root.resolve("deploy/local/up").toString());
        launchTime = Duration.ofNanos(System.nanoTime() - begin);
        if (exit != 0) {
            throw new IllegalStateException("deploy/local/up failed (exit " + exit + "); see "
                    + output.resolve("launcher-up.log"));
        }
    }

    /** Whether {@code deploy/local/up} hands {@code JAVA_OPTS} to the services' JVMs. */
    public boolean launcherReadsJavaOptions() throws IOException {
        return Files.readString(root.resolve("deploy/local/up")).contains("JAVA_OPTS");
    }

    public Duration launchTime() {
        return launchTime;
    }

    public Ports ports() {
        return ports;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String internalSecret() throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(run.resolve("secrets.env"))) {
            secrets.load(reader);
        }
        return secrets.getProperty("INTERNAL_SECRET");
    }

    /** The process the launcher recorded for a service (or {@code kafka}). */
    public Optional<Long> pid(String name) throws IOException {
        Path file = run.resolve("pids").resolve(name);
        return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
    }

    /** The JVM's uptime when Spring Boot said it had started, from the service's log. */
    public Optional<Double> startUpSeconds(String name) throws IOException {
        Path log = run.resolve("logs").resolve(name + ".log");
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(STARTED::matcher).filter(Matcher::find).findFirst()
                    .map(matcher -> Double.parseDouble(matcher.group(2)));
        }
    }

    /** How often the launcher's supervisor found the process exited and started it again, from its log. */
    public long exits(String name) throws IOException {
        return linesOfLog(name, "supervise: " + name + " (pid ");
    }

    /** How often the process ended on an OutOfMemoryError ({@code -XX:+ExitOnOutOfMemoryError}), from its log. */
    public long outOfMemoryErrors(String name) throws IOException {
        return linesOfLog(name, "Terminating due to java.lang.OutOfMemoryError");
    }

    private long linesOfLog(String name, String containing) throws IOException {
        Path log = run.resolve("logs").resolve(name + ".log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(containing)).count();
        }
    }

    /** Keeps the services' logs beside the results, then stops everything and drops the databases and run folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path logs = run.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Files.createDirectories(output.resolve("logs"));
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!Files.exists(root.resolve("deploy/local/down"))) {
            return;
        }
        launcher(Duration.ofMinutes(3), "down", root.resolve("deploy/local/down").toString(), "--purge");
        try (Stream<Path> copies = Files.walk(root)) {
            for (Path path : copies.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private int launcher(Duration timeout, String log, String... command) throws IOException, InterruptedException {
        Files.createDirectories(output);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.resolve("launcher-" + log + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
        }
        return process.exitValue();
    }
}
