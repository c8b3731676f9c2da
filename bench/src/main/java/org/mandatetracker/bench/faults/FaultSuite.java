package org.mandatetracker.bench.faults;

import org.mandatetracker.bench.system.LocalSystem;
import org.mandatetracker.bench.system.Ports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code deploy/faults/run}: starts the system through {@code deploy/local/up} on ports and databases of its own,
 * runs a steady mixed write load through the gateway, and injects one fault at a time: {@code kill -9} of a process
 * (which the launcher's supervisor starts again), a process frozen for a while ({@code kill -STOP}, then
 * {@code -CONT}: a hang, which nothing restarts), or a PostgreSQL restart (after which nothing is restarted). After
 * each, it waits until every process is ready and every acknowledged command is in report-service, then counts each
 * acknowledged command in its event store and in report-service: once each, or the run fails.
 */
@Command(name = "deploy/faults/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the fault matrix against a system of its own and writes results.md.")
public final class FaultSuite implements Callable<Integer> {

    static final String POSTGRESQL = "postgresql";
    static final String FROZEN = "frozen:";
    static final String LOCK = "/tmp/mt-e2e.lock";
    private static final Pattern OPEN_STREAMS = Pattern.compile("(?m)^gateway_streams_open (\\S+)$");

    @Option(names = "--replicas", defaultValue = "1",
            description = "Replicas of each service; with 2, one replica of each is killed "
                    + "(default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--faults", split = ",", description = "Faults to inject, in order: process names as the "
            + "launcher records them (mandate-service, meeting-service-2, gateway, kafka, ...) to kill, the same "
            + "after frozen: (frozen:kafka) to freeze, and postgresql (default: every service, the gateway, kafka "
            + "and postgresql killed, then kafka and report-service frozen; with replicas, the first replica of each "
            + "service killed).")
    List<String> faults;

    @Option(names = "--frozen-seconds", defaultValue = "30",
            description = "How long a frozen process stays stopped (default: ${DEFAULT-VALUE}).")
    int frozenSeconds;

    @Option(names = "--rate", defaultValue = "20", description = "Commands per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--steady-seconds", defaultValue = "15",
            description = "Load without faults before the first and after each fault (default: ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--converge-seconds", defaultValue = "600",
            description = "How long to wait for readiness and for report-service to catch up (default: "
                    + "${DEFAULT-VALUE}).")
    int convergeSeconds;

    @Option(names = "--port-base", defaultValue = "26080",
            description = "Gateway port; services on the next three, Kafka at +1012 and +1013 (default: "
                    + "${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--postgresql-restart", defaultValue = "pg_ctlcluster --skip-systemctl-redirect 15 main restart",
            description = "The command that restarts PostgreSQL (default: ${DEFAULT-VALUE}).")
    String postgresqlRestart;

    @Option(names = "--output", description = "Results folder (default: deploy/faults/results/<date-time>).")
    Path output;

    @Option(names = "--db-suffix", description = "The databases' suffix; with the --output of an earlier run whose "
            + "system still runs, that system is used as it is (default: a new one).")
    String dbSuffix;

    /** One fault's outcome, as a row of the results table. */
    record Row(String fault, double readySeconds, double convergeSeconds, int acknowledged, int lost, int duplicated,
               Map<String, Long> outcomes, Map<String, Double> gaps, Map<String, String> recovery) {
    }

    /** Event streams the gateway still held once the subscriber had gone; null until the run has ended. */
    private Integer streamsLeftOpen;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FaultSuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = output != null ? output
                : root.resolve("deploy/faults/results").resolve(stamp + (replicas > 1 ? "-replicas" : ""));
        String suffix = dbSuffix != null ? dbSuffix : "_faults_" + UUID.randomUUID().toString().substring(0, 6);
        String prefix = "f" + UUID.randomUUID().toString().substring(0, 4);
        Ports ports = Ports.from(portBase);
        Map<String, Integer> processes = processes(ports);
        List<String> plan = faults != null ? faults : defaultPlan();
        List<Row> rows = new ArrayList<>();
        String verdict;
        try (LocalSystem system = new LocalSystem(root, out.resolve("run"), suffix, ports, "", out)) {
            system.with("MT_REPLICAS", Integer.toString(replicas))
                    .with("GATEWAY_REQUESTS_PER_MINUTE", "1000000")
                    .with("GATEWAY_MAX_REQUESTS_IN_FLIGHT_PER_CLIENT", "100000").with("MT_START_TIMEOUT", "900");
            log("Starting the system (" + replicas + " replica(s) of each service) on ports from " + portBase);
            system.start(Duration.ofMinutes(15));
            String token = token(system.run());
            String gateway = "http://127.0.0.1:" + ports.gateway();
            Stores stores = new Stores("127.0.0.1", 5432, "postgres", suffix, prefix);
            try (MixedLoad load = new MixedLoad(gateway, token, prefix, clients, rate, Duration.ofMinutes(10));
                 StreamWatcher stream = new StreamWatcher(gateway, prefix, Duration.ofSeconds(10))) {
                stream.start();
                load.start();
                log("Load: " + rate + " commands/s from " + clients + " clients; steady for " + steadySeconds + " s");
                Thread.sleep(steadySeconds * 1000L);
                for (String fault : plan) {
                    rows.add(inject(fault, system, processes, load, stores));
                    write(out, rows, load, stream, plan, "So far (the run goes on): " + verdict(rows, load, stream));
                    Thread.sleep(steadySeconds * 1000L);
                }
                log("Stopping the load");
                load.close();
                Row last = settle("end of run", processes, system, load, stores, System.nanoTime(), Map.of());
                rows.add(last);
                stream.close();
                streamsLeftOpen = streamsLeftOpen(gateway, Duration.ofSeconds(60));
                verdict = verdict(rows, load, stream);
                write(out, rows, load, stream, plan, verdict);
            }
        }
        log(verdict);
        log("Results: " + out.resolve("results.md"));
        return verdict.startsWith("PASSED") ? 0 : 1;
    }

    private List<String> defaultPlan() {
        if (replicas > 1) {
            return List.of("mandate-service", "meeting-service", "report-service");
        }
        return List.of("mandate-service", "meeting-service", "report-service", "gateway", "kafka", POSTGRESQL,
                FROZEN + "kafka", FROZEN + "report-service");
    }

    /** Every process the launcher starts, with the port that says it is ready. */
    private Map<String, Integer> processes(Ports ports) {
        Map<String, Integer> processes = new LinkedHashMap<>();
        processes.put("kafka", ports.kafka());
        for (int k = 1; k <= replicas; k++) {
            String replica = k == 1 ? "" : "-" + k;
            int step = 10 * (k - 1);
            processes.put("mandate-service" + replica, ports.mandate() + step);
            processes.put("meeting-service" + replica, ports.meeting() + step);
            processes.put("report-service" + replica, ports.report() + step);
        }
        processes.put("gateway", ports.gateway());
        return processes;
    }

    private Row inject(String fault, LocalSystem system, Map<String, Integer> processes, MixedLoad load,
                       Stores stores) throws Exception {
        long injected = System.nanoTime();
        Map<String, Long> killed = new LinkedHashMap<>();
        if (fault.equals(POSTGRESQL)) {
            log("Fault: restarting PostgreSQL, once no end-to-end test holds " + LOCK);
            Path marker = Files.createTempFile("faults-restart", ".ns");
            // The end-to-end tests on this machine use the same server: the restart waits for their lock, and the
            // fault counts from when it begins. The lock is closed before the restart (-o): the server would
            // otherwise inherit it and hold it for as long as it runs.
            run("flock -o " + LOCK + " bash -c 'date +%s%N > " + marker + "; " + postgresqlRestart + "'",
                    Duration.ofHours(2));
            long startedMillis = Long.parseLong(Files.readString(marker).trim()) / 1_000_000;
            injected = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - startedMillis);
            Files.delete(marker);
        } else if (fault.startsWith(FROZEN)) {
            String name = fault.substring(FROZEN.length());
            long pid = system.pid(name).orElseThrow(() -> new IllegalArgumentException("No process " + name));
            log("Fault: " + name + " (pid " + pid + ") frozen for " + frozenSeconds + " s, then let go");
            run("kill -STOP " + pid, Duration.ofMinutes(1));
            try {
                Thread.sleep(frozenSeconds * 1000L);
            } finally {
                run("kill -CONT " + pid, Duration.ofMinutes(1));
            }
            return settle(name + " frozen " + frozenSeconds + " s", processes, system, load, stores, injected,
                    Map.of());
        } else {
            long pid = system.pid(fault).orElseThrow(() -> new IllegalArgumentException("No process " + fault));
            log("Fault: kill -9 " + fault + " (pid " + pid + "); its supervisor is to start it again");
            run("kill -9 " + pid, Duration.ofMinutes(1));
            killed.put(fault, pid);
        }
        return settle(fault.equals(POSTGRESQL) ? "PostgreSQL restart" : "kill -9 " + fault, processes, system, load,
                stores, injected, killed);
    }

    /**
     * Waits until every process is ready and report-service holds every command acknowledged by then, and counts
     * each acknowledged command in its event store and in report-service.
     */
    private Row settle(String fault, Map<String, Integer> processes, LocalSystem system, MixedLoad load,
                       Stores stores, long injected, Map<String, Long> killed) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : processes.keySet()) {
            pids.put(name, system.pid(name).orElse(-1L));
        }
        long deadline = injected + TimeUnit.SECONDS.toNanos(convergeSeconds);
        Map<String, Boolean> ready = new LinkedHashMap<>();
        while (true) {
            for (Map.Entry<String, Integer> process : processes.entrySet()) {
                String name = process.getKey();
                // A killed process counts as ready only once its supervisor has started another.
                boolean replaced = !killed.containsKey(name) || !system.pid(name).orElse(-1L).equals(killed.get(name));
                ready.put(name, replaced && ready(name, process.getValue()));
            }
            if (!ready.containsValue(false) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        long readyAt = System.nanoTime();
        List<MixedLoad.Command> owed = load.acknowledged().stream().map(MixedLoad.Acknowledged::command).toList();
        Map<String, Integer> reported = stores.report();
        while (!owed.stream().allMatch(command -> reported.containsKey(command.key()))
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            reported.clear();
            reported.putAll(stores.report());
        }
        long convergedAt = System.nanoTime();
        Map<String, Stores.Counts> counts = stores.of(owed);
        int lost = (int) counts.values().stream().filter(c -> c.eventStore() == 0 || c.report() == 0).count();
        int duplicated = (int) counts.values().stream().filter(c -> c.eventStore() > 1 || c.report() > 1).count();
        Map<String, String> recovery = new LinkedHashMap<>();
        for (String name : processes.keySet()) {
            boolean samePid = pids.get(name).equals(system.pid(name).orElse(-2L));
            recovery.put(name, !ready.get(name) ? "NOT READY"
                    : killed.containsKey(name) ? "started again by its supervisor"
                    : samePid ? "by itself" : "RESTARTED");
        }
        Row row = new Row(fault, (readyAt - injected) / 1e9, (convergedAt - injected) / 1e9, owed.size(), lost,
                duplicated, load.outcomes(injected, convergedAt), load.longestGaps(injected, readyAt), recovery);
        log(String.format("  ready after %.1f s, converged after %.1f s; %d acknowledged, %d lost, %d duplicated; "
                + "answers %s; longest gaps %s", row.readySeconds(), row.convergeSeconds(), owed.size(), lost,
                duplicated, row.outcomes(), row.gaps()));
        return row;
    }

    /**
     * The streams the gateway still holds once every subscriber has gone, waiting for them to be noticed (two
     * keep-alives); -1 when its metrics cannot be read.
     */
    private static int streamsLeftOpen(String gateway, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int open = -1;
        while (System.nanoTime() < deadline) {
            try {
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway
                        + "/actuator/prometheus")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher gauge = OPEN_STREAMS.matcher(metrics);
                open = gauge.find() ? (int) Double.parseDouble(gauge.group(1)) : -1;
                if (open == 0) {
                    return 0;
                }
            } catch (IOException unreadable) {
                open = -1;
            }
            Thread.sleep(1000);
        }
        return open;
    }

    private static boolean ready(String name, int port) {
        if (name.equals("kafka")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String verdict(List<Row> rows, MixedLoad load, StreamWatcher stream) {
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            if (row.lost() > 0 || row.duplicated() > 0) {
                problems.add(row.fault() + ": " + row.lost() + " lost, " + row.duplicated() + " duplicated");
            }
            if (row.outcomes().containsKey("500")) {
                problems.add(row.fault() + ": " + row.outcomes().get("500") + " answers 500");
            }
            row.recovery().forEach((name, how) -> {
                if (!how.equals("by itself") && !how.equals("started again by its supervisor")) {
                    problems.add(row.fault() + ": " + name + " " + how);
                }
            });
        }
        if (!load.abandoned().isEmpty()) {
            problems.add(load.abandoned().size() + " commands never acknowledged, e.g. "
                    + load.abandoned().keySet().stream().limit(3).toList());
        }
        StreamCheck sse = streamCheck(load, stream);
        if (!sse.missing().isEmpty() || sse.duplicated() > 0) {
            problems.add("recommendation stream: " + sse.missing().size() + " missing " + sse.missing().stream()
                    .limit(10).toList() + ", " + sse.duplicated() + " twice");
        }
        if (streamsLeftOpen != null && streamsLeftOpen != 0) {
            problems.add("the gateway still held " + streamsLeftOpen + " event streams a minute after their "
                    + "subscriber had gone (-1: its metrics could not be read)");
        }
        return problems.isEmpty() ? "PASSED: nothing lost, nothing duplicated, no 500"
                : "FAILED: " + String.join("; ", problems);
    }

    record StreamCheck(int owed, List<String> missing, int duplicated) {
    }

    /** Every recommendation acknowledged after the subscriber first connected is owed to it exactly once. */
    private static StreamCheck streamCheck(MixedLoad load, StreamWatcher stream) {
        Map<String, Integer> seen = stream.seen();
        List<String> owed = load.acknowledged().stream().filter(ack -> ack.at() > stream.subscribedAt())
                .map(MixedLoad.Acknowledged::command).filter(command -> command.itemId() != null)
                .map(MixedLoad.Command::itemId).toList();
        List<String> missing = owed.stream().filter(id -> !seen.containsKey(id)).toList();
        int duplicated = (int) seen.values().stream().filter(count -> count > 1).count();
        return new StreamCheck(owed.size(), missing, duplicated);
    }

    private void write(Path out, List<Row> rows, MixedLoad load, StreamWatcher stream, List<String> plan,
                       String verdict) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Fault matrix").append(replicas > 1 ? ": " + replicas + " replicas of each service" : "")
                .append("\n\n");
        md.append("Run ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(" by `deploy/faults/run").append(replicas > 1 ? " --replicas " + replicas : "")
                .append("` on ").append(Runtime.getRuntime().availableProcessors()).append(" cores. Load: ")
                .append(rate).append(" commands/s through the gateway from ").append(clients)
                .append(" clients (bodies, mandates, meetings scheduled and held, recommendations), each command "
                        + "repeated with the same id until answered 2xx. Faults in order: ")
                .append(String.join(", ", plan)).append("; a killed process is started again by the launcher's "
                        + "supervisor (`deploy/local/supervise`), a frozen one is stopped (`kill -STOP`) for ")
                .append(frozenSeconds).append(" s and then let go, and ").append(steadySeconds)
                .append(" s of steady load follow each fault.\n\n");
        md.append("**").append(verdict).append("**\n\n");
        md.append("| fault | all ready after (s) | converged after (s) | acknowledged so far | lost | duplicated "
                + "| answers until converged | longest gap between acknowledgements (s) | recovered |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.fault()).append(" | ").append(String.format("%.1f", row.readySeconds()))
                    .append(" | ").append(String.format("%.1f", row.convergeSeconds())).append(" | ")
                    .append(row.acknowledged()).append(" | ").append(row.lost()).append(" | ")
                    .append(row.duplicated()).append(" | ").append(join(row.outcomes())).append(" | ")
                    .append(row.gaps().entrySet().stream().map(e -> e.getKey() + " "
                            + String.format("%.1f", e.getValue())).collect(Collectors.joining(", ")))
                    .append(" | ").append(recovery(row.recovery())).append(" |\n");
        }
        StreamCheck sse = streamCheck(load, stream);
        md.append("\nA subscriber to `/api/recommendations/stream` through the gateway hung up every 10 s and resumed "
                + "with `Last-Event-ID` (").append(stream.connections()).append(" connections, ")
                .append(stream.failedConnections()).append(" refused while something was down): of ")
                .append(sse.owed()).append(" recommendations acknowledged after it subscribed, ")
                .append(sse.missing().size()).append(" never arrived and ").append(sse.duplicated())
                .append(" arrived more than once.");
        if (streamsLeftOpen != null) {
            md.append(" Once it had gone, the gateway held ").append(streamsLeftOpen)
                    .append(" event streams (`gateway_streams_open`, waited for up to a minute).");
        }
        md.append("\n\n");
        md.append("\"Converged\" is when report-service held every command acknowledged by the time all processes "
                + "were ready; times count from the fault. \"Recovered\": every process the suite did not kill is "
                + "still the same process and ready again (\"by itself\"), and a killed one was started again by its "
                + "supervisor and is ready.\n");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), md.toString());
    }

    private static String join(Map<String, Long> outcomes) {
        return outcomes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String recovery(Map<String, String> recovery) {
        List<String> notable = recovery.entrySet().stream().filter(e -> !e.getValue().equals("by itself"))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return notable.isEmpty() ? "all by themselves" : "others by themselves; " + String.join(", ", notable);
    }

    private static String token(Path run) throws IOException {
        Properties tokens = new Properties();
        try (Reader reader = Files.newBufferedReader(run.resolve("tokens.env"))) {
            tokens.load(reader);
        }
        return tokens.getProperty("RECORDER_TOKEN");
    }

    private static void run(String command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    private static void log(String message) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + message);
    }
}
