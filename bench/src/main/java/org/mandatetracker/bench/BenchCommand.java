package org.mandatetracker.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench/run}: the whole benchmark, one command. */
@Command(name = "bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts Mandate Tracker through deploy/local/up on ports and databases of its own, measures it "
                + "against baselines taken in the same run, writes results.md and results.json, and removes the "
                + "system again.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--facts", split = ",", description = "Scales the record grows to (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000,100000,1000000")
    List<Long> scales;

    @Option(names = "--query-clients", split = ",", defaultValue = "1,32",
            description = "Concurrent clients for queries (default: ${DEFAULT-VALUE}).")
    List<Integer> queryClients;

    @Option(names = "--write-clients", split = ",", defaultValue = "1,16",
            description = "Concurrent clients for commands and the JDBC baseline (default: ${DEFAULT-VALUE}).")
    List<Integer> writeClients;

    @Option(names = "--rates", split = ",", defaultValue = "20,100,300",
            description = "Commands per second for write-to-visible latency (default: ${DEFAULT-VALUE}).")
    List<Double> rates;

    @Option(names = "--phase-seconds", defaultValue = "20",
            description = "Length of each measured load phase (default: ${DEFAULT-VALUE}).")
    double phaseSeconds;

    @Option(names = "--warm-up-seconds", defaultValue = "5",
            description = "Unmeasured load before each phase (default: ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--visibility-seconds", defaultValue = "60",
            description = "Length of each write-to-visible phase (default: ${DEFAULT-VALUE}).")
    double visibilitySeconds;

    @Option(names = "--drain-seconds", defaultValue = "30",
            description = "How long acknowledged writes may take to appear before they count as missing "
                    + "(default: ${DEFAULT-VALUE}).")
    double drainSeconds;

    @Option(names = "--kafka-rate", defaultValue = "200",
            description = "Records per second for the produce-to-consume baseline (default: ${DEFAULT-VALUE}).")
    double kafkaRate;

    @Option(names = "--visibility-meetings", defaultValue = "20",
            description = "Held meetings the recommendations are spread over (default: ${DEFAULT-VALUE}).")
    int visibilityMeetings;

    @Option(names = "--port-base", defaultValue = "24080",
            description = "Gateway port; services on the next three, Kafka at +1012 and +1013 "
                    + "(default: ${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--java-options", defaultValue = "-Xmx256m",
            description = "JVM options for the services, if the launcher takes them (default: ${DEFAULT-VALUE}).")
    String javaOptions;

    @Option(names = "--stall-minutes", defaultValue = "10",
            description = "How long report-service may make no progress consuming the seed or rebuilding before "
                    + "the run gives up (default: ${DEFAULT-VALUE}).")
    long stallMinutes;

    @Option(names = "--report-group", defaultValue = "report-service",
            description = "report-service's consumer group (default: ${DEFAULT-VALUE}).")
    String reportGroup;

    @Option(names = "--page-warm-up-seconds", defaultValue = "300",
            description = "Unmeasured page views before the pages are timed, so the web application and gateway are "
                    + "JIT-compiled as in a running system: on 2 cores the body page kept getting faster for four "
                    + "to five minutes of views (default: ${DEFAULT-VALUE}).")
    double pageWarmUpSeconds;

    @Option(names = "--query-warm-up-seconds", defaultValue = "120",
            description = "Unmeasured questions of every kind in turn, at the most query clients, before the queries "
                    + "are timed: report-service restarted and asked a body's mandates by 32 clients answered 550-650 "
                    + "a second a minute after its start and 1,300 after two and a half (default: ${DEFAULT-VALUE}).")
    double queryWarmUpSeconds;

    @Option(names = "--hold-minutes", defaultValue = "0",
            description = "After the pages at the last scale, keep the system up this long for profiling by hand; "
                    + "creating the file <output>/release ends the hold early (default: ${DEFAULT-VALUE}).")
    long holdMinutes;

    @Option(names = "--write-warm-up-seconds", defaultValue = "120",
            description = "Unmeasured commands to mandate-service (at the most write clients) and recommendations to "
                    + "meeting-service (50/s) before writes are timed: the seed never passes through "
                    + "the write services, so their code is otherwise timed while the JIT compiles it "
                    + "(default: ${DEFAULT-VALUE}).")
    double writeWarmUpSeconds;

    @Option(names = "--sustain-minutes", defaultValue = "10",
            description = "How long to hold the highest write rate the visibility phases kept up with (every write "
                    + "acknowledged at the rate offered, and seen), to show whether the lag grows; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    double sustainMinutes;

    @Option(names = "--sustain-rate", defaultValue = "0",
            description = "The rate to hold instead; 0 chooses it from the visibility phases (default: "
                    + "${DEFAULT-VALUE}).")
    double sustainRate;

    @Option(names = "--output", description = "Where results go (default: bench/results/<date-time>).")
    Path output;

    @Option(names = "--root", description = "The repository (default: found from the working directory).")
    Path root;

    @Override
    public Integer call() throws Exception {
        Path repository = root != null ? root.toAbsolutePath() : findRoot();
        Path out = output != null ? output.toAbsolutePath() : repository.resolve("bench/results")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Settings settings = new Settings(repository, out, portBase, javaOptions, scales, queryClients, writeClients,
                rates, seconds(phaseSeconds), seconds(warmUpSeconds), seconds(visibilitySeconds),
                seconds(drainSeconds), kafkaRate, visibilityMeetings, Duration.ofMinutes(stallMinutes),
                reportGroup, env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"), seconds(pageWarmUpSeconds), Duration.ofMinutes(holdMinutes),
                seconds(sustainMinutes * 60), sustainRate, seconds(writeWarmUpSeconds),
                seconds(queryWarmUpSeconds));
        var document = new Benchmark(settings).run();
        System.out.println(Files.readString(out.resolve("results.md")));
        return document.failure() == null ? 0 : 1;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("deploy/local/up"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the repository, or give --root");
    }
}
