package org.mandatetracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandatetracker.bench.measure.Api;
import org.mandatetracker.bench.measure.ClosedLoop;
import org.mandatetracker.bench.measure.JdbcBaseline;
import org.mandatetracker.bench.measure.KafkaBaseline;
import org.mandatetracker.bench.measure.Latencies;
import org.mandatetracker.bench.measure.Measurement;
import org.mandatetracker.bench.measure.Page;
import org.mandatetracker.bench.measure.Query;
import org.mandatetracker.bench.measure.Rebuild;
import org.mandatetracker.bench.measure.Visibility;
import org.mandatetracker.bench.measure.Writes;
import org.mandatetracker.bench.report.Results;
import org.mandatetracker.bench.report.Row;
import org.mandatetracker.bench.seed.Ingestion;
import org.mandatetracker.bench.seed.Layout;
import org.mandatetracker.bench.seed.MandateServiceBodies;
import org.mandatetracker.bench.seed.Processors;
import org.mandatetracker.bench.seed.SeedGenerator;
import org.mandatetracker.bench.seed.SeedPublisher;
import org.mandatetracker.bench.system.CpuUse;
import org.mandatetracker.bench.system.LocalSystem;
import org.mandatetracker.bench.system.Machine;
import org.mandatetracker.bench.system.MemoryPeaks;
import org.mandatetracker.bench.system.Ports;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.meeting.api.MeetingEventTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One run: start the system, take the baselines, grow the record scale by scale asking the read-side questions at
 * each, then measure commands, write-to-visible latency, a rebuild against a raw read of the topics, and the
 * processes' memory and start-up; stop the system whatever happened, and write the results.
 */
public final class Benchmark {

    static final long TARGET_SCALE = 1_000_000;
    private static final List<String> TOPICS = List.of(MandateEventTypes.TOPIC, MeetingEventTypes.TOPIC);
    private static final String BODY_DIRECTORY_GROUP = "meeting-service-body-directory";
    /** Recommendations per second before they are timed: well within what meeting-service keeps up with. */
    private static final double WARM_UP_RATE = 50;
    private static final List<String> PROCESSES = List.of("mandate-service", "meeting-service", "report-service",
            "gateway", "web", "kafka");

    private final Settings settings;
    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    private final String prefix = "bench-" + runId;
    private final Layout layout = new Layout(prefix);
    private final Results results;
    private final HttpClient http = Api.newClient();
    private final Map<Integer, Measurement> httpFloor = new HashMap<>();
    private final Map<Integer, Measurement> webFloor = new HashMap<>();
    private int bodiesInMandateService;
    private final Map<Integer, Measurement> jdbc = new HashMap<>();
    private Measurement kafkaLatency;
    private Measurement rawConsume;
    private CpuUse cpu;
    private MemoryPeaks memory;

    public Benchmark(Settings settings) {
        this.settings = settings;
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("scales", settings.scales());
        described.put("queryClients", settings.queryClients());
        described.put("writeClients", settings.writeClients());
        described.put("rates", settings.rates());
        described.put("phaseSeconds", settings.phase().toMillis() / 1000.0);
        described.put("warmUpSeconds", settings.warmUp().toMillis() / 1000.0);
        described.put("visibilitySeconds", settings.visibilityPhase().toMillis() / 1000.0);
        described.put("javaOptions", settings.javaOptions());
        described.put("runId", runId);
        this.results = new Results(Machine.current(), described);
    }

    /** Runs everything and writes the results; answers them, with the failure that ended the run if one did. */
    public Results.Document run() throws Exception {
        String failure = null;
        Ports ports = Ports.from(settings.portBase());
        LocalSystem system = new LocalSystem(settings.root(), settings.output().resolve("run"), "_bench_" + runId,
                ports, settings.javaOptions(), settings.output())
                // Every page view is several API calls through the gateway, from one address, and the load comes from
                // one client: the gateway's per-client limits would measure themselves.
                .with("GATEWAY_REQUESTS_PER_MINUTE", "100000000")
                .with("GATEWAY_MAX_REQUESTS_IN_FLIGHT_PER_CLIENT", "100000");
        try {
            System.out.println("Starting the system (deploy/local/up) on ports from " + ports.gateway() + " ...");
            system.start(Duration.ofMinutes(12));
            results.note("deploy/local/up took " + system.launchTime().toSeconds() + " s (Kafka, then four "
                    + "services one after another)");
            if (!system.launcherReadsJavaOptions()) {
                results.note("the launcher reads no JVM options from the environment (JAVA_OPTS), so the services "
                        + "ran with its own heap setting, not " + settings.javaOptions());
            }
            measure(system);
        } catch (Exception | AssertionError e) {
            failure = e.toString();
            e.printStackTrace();
        } finally {
            try {
                system.close();
            } catch (Exception e) {
                failure = failure == null ? "deploy/local/down failed: " + e : failure;
            }
        }
        Results.Document document = results.write(settings.output(), failure);
        System.out.println("Results: " + settings.output().resolve("results.md") + " and results.json");
        return document;
    }

    private void measure(LocalSystem system) throws Exception {
        String secret = system.internalSecret();
        Ports ports = system.ports();
        Api mandate = new Api(http, "http://127.0.0.1:" + ports.mandate(), secret);
        Api meeting = new Api(http, "http://127.0.0.1:" + ports.meeting(), secret);
        Api report = new Api(http, "http://127.0.0.1:" + ports.report(), secret);
        Api web = new Api(http, "http://127.0.0.1:" + ports.web(), null);
        startUp(system);
        CpuUse.Processes pids = () -> {
            Map<String, Long> each = new LinkedHashMap<>();
            for (String name : PROCESSES) {
                system.pid(name).ifPresent(pid -> each.put(name, pid));
            }
            return each;
        };
        cpu = new CpuUse(pids);
        memory = new MemoryPeaks(pids);
        baselines(system, report, web);
        memory.phaseEnded("the baselines");

        SeedGenerator generator = new SeedGenerator(layout);
        try (SeedPublisher publisher = new SeedPublisher(system.bootstrapServers());
             Ingestion ingestion = new Ingestion(system.bootstrapServers(), settings.reportGroup(), TOPICS);
             Ingestion directory = new Ingestion(system.bootstrapServers(), BODY_DIRECTORY_GROUP,
                     List.of(MandateEventTypes.TOPIC))) {
            ingestion.awaitCaughtUp(settings.stall());
            for (long scale : settings.scales()) {
                seed(generator, publisher, ingestion, scale);
                memory.phaseEnded("the seed to " + label(scale));
                // meeting-service reads the whole mandate topic for its bodies; reads are measured on a quiet system.
                Duration directoryBehind = directory.awaitCaughtUp(settings.stall());
                results.note(String.format(Locale.ROOT, "meeting-service's body directory caught up with the seed "
                        + "%.1f s after report-service", directoryBehind.toMillis() / 1000.0));
                checkSeeded(report, generator);
                warmUpQueries(report, generator);
                for (Query query : Query.values()) {
                    for (int clients : settings.queryClients()) {
                        query(report, query, scale, clients, generator);
                    }
                }
                memory.phaseEnded("the queries at " + label(scale));
                MandateServiceBodies.write(settings.pgHost(), settings.pgPort(), settings.pgUser(),
                        "mandate_service_bench_" + runId, layout, bodiesInMandateService, generator.bodies());
                bodiesInMandateService = generator.bodies();
                warmUpPages(web, generator);
                for (Page page : Page.values()) {
                    for (int clients : settings.queryClients()) {
                        page(web, page, scale, clients, generator);
                    }
                }
                memory.phaseEnded("the pages at " + label(scale));
            }
            hold(system);
            long finalScale = settings.scales().get(settings.scales().size() - 1);
            writes(mandate, finalScale, ingestion, directory);
            memory.phaseEnded("the commands");
            visibility(mandate, meeting, report, finalScale);
            awaitPipeline(ingestion, directory);
            memory.phaseEnded("write to visible");
            rebuild(system, report, ingestion, finalScale);
        }
        memory.phaseEnded("the rebuilds");
        memory(system);
    }

    /** Until the write services' processors have handled all they stored, and the consumers have read all of it. */
    private void awaitPipeline(Ingestion... consumers) throws Exception {
        for (String service : List.of("mandate_service", "meeting_service")) {
            Processors.awaitProcessed(settings.pgHost(), settings.pgPort(), settings.pgUser(), service + "_bench_" + runId,
                    settings.stall());
        }
        for (Ingestion consumer : consumers) {
            consumer.awaitCaughtUp(settings.stall());
        }
    }

    private void hold(LocalSystem system) throws Exception {
        if (settings.hold().isZero()) {
            return;
        }
        Path release = settings.output().resolve("release");
        System.out.printf(Locale.ROOT, "Holding the system for %d min (web %d, gateway %d, run folder %s); "
                + "touch %s to go on%n", settings.hold().toMinutes(), system.ports().web(),
                system.ports().gateway(), system.run(), release);
        long end = System.nanoTime() + settings.hold().toNanos();
        while (System.nanoTime() < end && !Files.exists(release)) {
            Thread.sleep(1000);
        }
    }

    private void startUp(LocalSystem system) throws Exception {
        for (String service : LocalSystem.SERVICES) {
            var seconds = system.startUpSeconds(service);
            Row row = Row.of("start-up", "start-up " + service, "empty", "").value(seconds.orElse(Double.NaN), "s");
            results.add(row.counts(seconds.isPresent() ? 1 : 0, seconds.isPresent() ? 0 : 1, 0));
        }
    }

    private void baselines(LocalSystem system, Api report, Api web) throws Exception {
        try (JdbcBaseline baseline = new JdbcBaseline(settings.pgHost(), settings.pgPort(), settings.pgUser(),
                "_" + runId)) {
            for (int clients : settings.writeClients()) {
                Measurement m = baseline.insertRate(clients, settings.warmUp(), settings.phase());
                jdbc.put(clients, m);
                results.add(latencyRow("jdbc", "JDBC insert, one event per transaction", "scratch db", clients, m));
            }
        }
        KafkaBaseline kafka = new KafkaBaseline(system.bootstrapServers());
        kafkaLatency = kafka.produceToConsume("bench.baseline." + runId, settings.kafkaRate(), settings.phase());
        results.add(latencyRow("kafka", "Kafka produce -> consume", "scratch topic", 1, kafkaLatency)
                .value(settings.kafkaRate(), "/s offered"));
        for (int clients : settings.queryClients()) {
            Measurement m = ClosedLoop.run(clients, settings.warmUp(), settings.phase(),
                    (client, iteration, random) -> report.getOk("/actuator/health/liveness"));
            httpFloor.put(clients, m);
            results.add(latencyRow("http-floor", "HTTP floor: report-service liveness", "-", clients, m));
            Measurement page = ClosedLoop.run(clients, settings.warmUp(), settings.phase(),
                    (client, iteration, random) -> web.getOk("/actuator/health/liveness"));
            webFloor.put(clients, page);
            results.add(latencyRow("http-floor", "HTTP floor: web application liveness", "-", clients, page));
        }
    }

    private void seed(SeedGenerator generator, SeedPublisher publisher, Ingestion ingestion, long scale)
            throws Exception {
        long before = generator.facts();
        long start = System.nanoTime();
        generator.growTo(scale, publisher);
        publisher.flush();
        double published = (System.nanoTime() - start) / 1e9;
        Duration behind = ingestion.awaitCaughtUp(settings.stall());
        double seconds = (System.nanoTime() - start) / 1e9;
        long facts = generator.facts() - before;
        results.add(Row.of("seed", "seed ingested by report-service", label(scale), "1")
                .value(facts / seconds, "facts/s").counts(facts, 0, 0));
        results.note(String.format(Locale.ROOT, "seeded %d facts (%d bodies in all, %d on the topics) in %.1f s "
                        + "of publishing; report-service caught up %.1f s later", facts, generator.bodies(),
                ingestion.records(), published, behind.toMillis() / 1000.0));
    }

    /** A seeded body's mandates must all be there, or the seed's shape and the services' have drifted apart. */
    private void checkSeeded(Api report, SeedGenerator generator) throws Exception {
        int last = generator.bodies() - 1;
        var response = report.get("/bodies/" + layout.bodyId(last) + "/mandates?asOf=" + layout.midLife(last));
        long mandates = response.statusCode() == 200
                ? new ObjectMapper().readTree(response.body()).size() : -1;
        if (mandates != Layout.MANDATES) {
            throw new IllegalStateException("report-service shows " + mandates + " mandates of seeded body "
                    + layout.bodyId(last) + " (expected " + Layout.MANDATES + "): " + response.statusCode() + " "
                    + response.body());
        }
    }

    private void query(Api report, Query query, long scale, int clients, SeedGenerator generator) throws Exception {
        Measurement m = ClosedLoop.run(clients, settings.warmUp(), settings.phase(),
                query.against(report, layout, generator.bodies(), generator.bodies() * Layout.MANDATES));
        Row row = latencyRow("query", query.title(), label(scale), clients, m);
        Measurement floor = httpFloor.get(clients);
        row = row.against(String.format(Locale.ROOT, "HTTP floor p99 %.2f ms", floor.p99Millis()),
                m.p99Millis() / floor.p99Millis());
        int limit = switch (query) {
            case BODY_MANDATES -> clients == 1 ? 10 : clients == 32 ? 50 : 0;
            case MANDATE_PAGE, MANDATE_NEXT_PAGE -> 20;
            case DECISION_HISTORY -> 30;
            default -> 0;
        };
        if (limit > 0) {
            row = row.target("p99 <= " + limit + " ms at 1M", m.p99Millis() <= limit && m.errors() == 0,
                    scale == TARGET_SCALE);
        }
        results.add(row);
    }

    /**
     * Every question in turn, unmeasured, at the most query clients, so report-service is timed with its query code
     * JIT-compiled: the seed warms only its consumer.
     */
    private void warmUpQueries(Api report, SeedGenerator generator) throws Exception {
        if (settings.queryWarmUp().isZero()) {
            return;
        }
        List<ClosedLoop.Operation> questions = new ArrayList<>();
        for (Query query : Query.values()) {
            questions.add(query.against(report, layout, generator.bodies(), generator.bodies() * Layout.MANDATES));
        }
        int clients = settings.queryClients().stream().mapToInt(Integer::intValue).max().orElse(1);
        Measurement m = inTurn(questions, clients, settings.queryWarmUp());
        results.note(String.format(Locale.ROOT, "queries were timed after %d s of unmeasured ones (%d, %d clients, "
                + "every kind in turn)", settings.queryWarmUp().toSeconds(), m.count(), clients));
    }

    /**
     * Every page in turn, unmeasured, so the pages are timed in a web application and gateway whose code the JIT has
     * compiled, as in one that has been serving for a while: the first minutes of a JVM serve pages 2-3 times slower.
     */
    private void warmUpPages(Api web, SeedGenerator generator) throws Exception {
        if (settings.pageWarmUp().isZero()) {
            return;
        }
        List<ClosedLoop.Operation> views = new ArrayList<>();
        for (Page page : Page.values()) {
            views.add(page.against(web, layout, generator.bodies()));
        }
        Measurement m = inTurn(views, 2, settings.pageWarmUp());
        results.note(String.format(Locale.ROOT, "pages were timed after %d s of unmeasured page views (%d views, "
                + "2 clients, every page in turn)", settings.pageWarmUp().toSeconds(), m.count()));
    }

    /** Unmeasured load for a warm-up: each client asks each of these in turn. */
    private static Measurement inTurn(List<ClosedLoop.Operation> operations, int clients, Duration length)
            throws Exception {
        return ClosedLoop.run(clients, Duration.ZERO, length, (client, iteration, random) ->
                operations.get((int) (iteration % operations.size())).perform(client, iteration, random));
    }

    /** A page's time at the client on loopback: the web application's server time and one local round trip. */
    private void page(Api web, Page page, long scale, int clients, SeedGenerator generator) throws Exception {
        Measurement m = ClosedLoop.run(clients, settings.warmUp(), settings.phase(),
                page.against(web, layout, generator.bodies()));
        Measurement floor = webFloor.get(clients);
        Row row = latencyRow("page", page.title(), label(scale), clients, m)
                .against(String.format(Locale.ROOT, "web floor p99 %.2f ms", floor.p99Millis()),
                        m.p99Millis() / floor.p99Millis());
        if (clients == 1) {
            row = row.target("p99 <= 100 ms at 1M", m.p99Millis() <= 100 && m.errors() == 0, scale == TARGET_SCALE);
        }
        results.add(row);
    }

    private void writes(Api mandate, long scale, Ingestion... consumers) throws Exception {
        if (!settings.writeWarmUp().isZero()) {
            int clients = settings.writeClients().stream().mapToInt(Integer::intValue).max().orElse(1);
            Measurement m = ClosedLoop.run(clients, Duration.ZERO, settings.writeWarmUp(),
                    Writes.establishAndConfer(mandate, prefix + "-warm", symbol() + "/W/EST"));
            awaitPipeline(consumers);
            results.note(String.format(Locale.ROOT, "commands were timed after %d s of unmeasured commands (%d, "
                    + "%d clients)", settings.writeWarmUp().toSeconds(), m.count(), clients));
        }
        for (int clients : settings.writeClients()) {
            CpuUse.Sample[] measured = new CpuUse.Sample[1];
            Measurement m = ClosedLoop.run(clients, settings.warmUp(), settings.phase(),
                    Writes.establishAndConfer(mandate, prefix + "-w" + clients, symbol() + "/W/EST"),
                    () -> measured[0] = sampleCpu());
            // The pipeline behind the commands (relay, Kafka, the consumers) is part of their cost.
            awaitPipeline(consumers);
            cpuRow("commands to mandate-service, until report-service has them", label(scale),
                    Integer.toString(clients), measured[0], m.count(), "command", clients == 16 ? 400 : 0);
            Row row = latencyRow("write", "commands to mandate-service (1 body : 9 mandates)", label(scale),
                    clients, m);
            Measurement floor = jdbc.get(clients);
            if (floor != null) {
                row = row.against(String.format(Locale.ROOT, "JDBC %.0f/s, p99 %.2f ms", floor.ratePerSecond(),
                        floor.p99Millis()), m.ratePerSecond() / floor.ratePerSecond());
            }
            if (clients == 16) {
                row = row.target(">= 400/s with p99 <= 100 ms",
                        m.ratePerSecond() >= 400 && m.p99Millis() <= 100 && m.errors() == 0, true);
            }
            results.add(row);
        }
    }

    private void visibility(Api mandate, Api meeting, Api report, long scale) throws Exception {
        try (Visibility visibility = new Visibility(mandate, meeting, report, prefix, symbol(),
                settings.visibilityMeetings())) {
            // meeting-service learns of the new body only after reading the whole mandate topic behind it, which
            // after seeding a million facts takes minutes.
            visibility.prepare(http, Duration.ofMinutes(20));
            if (!settings.writeWarmUp().isZero()) {
                Visibility.Outcome warm = visibility.run(WARM_UP_RATE, settings.writeWarmUp(), settings.drain());
                results.note(String.format(Locale.ROOT, "recommendations were timed after %d s of unmeasured ones "
                        + "(%d acknowledged, %d not, %d of them never seen, at %.0f/s)",
                        settings.writeWarmUp().toSeconds(), warm.acknowledged(), warm.failed(), warm.missing(),
                        WARM_UP_RATE));
            }
            double sustainable = 0;
            for (double rate : settings.rates()) {
                Visibility.Outcome outcome = visibilityPhase(visibility, rate, scale);
                if (outcome.keptUp()) {
                    sustainable = Math.max(sustainable, rate);
                }
            }
            sustain(visibility, sustainable > 0 ? sustainable : settings.rates().stream()
                    .mapToDouble(Double::doubleValue).min().orElse(20), scale);
        }
    }

    /** Runs writes at a rate, with the CPU they cost, and notes any not acknowledged or never seen. */
    private Visibility.Outcome observe(Visibility visibility, double rate, Duration length, long scale)
            throws Exception {
        CpuUse.Sample before = sampleCpu();
        Visibility.Outcome outcome = visibility.run(rate, length, settings.drain());
        String clients = openLoop(rate);
        cpuRow("recommendations through meeting-service, until seen on the stream", label(scale), clients,
                before, outcome.acknowledged(), "recommendation", rate);
        if (outcome.failed() > 0) {
            results.note(outcome.failed() + " recommendations at " + clients + " were not acknowledged: "
                    + outcome.failures() + "; the first of each: " + outcome.firstFailures());
        }
        if (outcome.resent() > 0) {
            results.note(outcome.resent() + " recommendations at " + clients
                    + " were sent again because meeting-service closed their connection before any answer");
        }
        if (outcome.missing() > 0) {
            results.note(outcome.missing() + " acknowledged recommendations at " + clients
                    + " never reached the stream, e.g. " + outcome.missingIds());
        }
        return outcome;
    }

    private Visibility.Outcome visibilityPhase(Visibility visibility, double rate, long scale) throws Exception {
        Visibility.Outcome outcome = observe(visibility, rate, settings.visibilityPhase(), scale);
        String clients = openLoop(rate);
        results.add(Row.of("visibility", "recommendation answered (from scheduled send)", label(scale), clients)
                .latencies(outcome.answer().p50Millis(), outcome.answer().p99Millis())
                .value(outcome.acknowledged() / outcome.seconds(), "/s acked")
                .counts(outcome.acknowledged(), outcome.failed(), 0));
        Row row = Row.of("visibility", "write -> visible on SSE", label(scale), clients)
                .latencies(outcome.visible().p50Millis(), outcome.visible().p99Millis())
                .counts(outcome.visible().count(), outcome.failed(), outcome.missing())
                .against(String.format(Locale.ROOT, "Kafka p50 %.2f / p99 %.2f ms", kafkaLatency.p50Millis(),
                        kafkaLatency.p99Millis()), outcome.visible().p50Millis() / kafkaLatency.p50Millis());
        if (rate == 100) {
            row = row.target("p50 <= 50 ms, p99 <= 250 ms, none missing",
                    outcome.visible().p50Millis() <= 50 && outcome.visible().p99Millis() <= 250
                            && outcome.missing() == 0, true);
        }
        results.add(row);
        return outcome;
    }

    private static String openLoop(double rate) {
        return String.format(Locale.ROOT, "%.0f/s open", rate);
    }

    /**
     * Holds the highest rate the phases before kept up with, and compares how long writes took to become visible
     * at its end with at its start: a pipeline that falls behind shows as a lag that grows.
     */
    private void sustain(Visibility visibility, double rate, long scale) throws Exception {
        if (settings.sustain().isZero()) {
            return;
        }
        double held = settings.sustainRate() > 0 ? settings.sustainRate() : rate;
        Visibility.Outcome outcome = observe(visibility, held, settings.sustain(), scale);
        String clients = openLoop(held);
        List<Latencies> slices = outcome.slices();
        double tenth = settings.sustain().toMillis() / 1000.0 / Visibility.Outcome.SLICES;
        for (int i = 0; i < slices.size(); i++) {
            results.add(Row.of("sustain", "write -> visible, writes answered " + seconds(i * tenth) + " to "
                            + seconds((i + 1) * tenth) + " into the held phase", label(scale), clients)
                    .latencies(slices.get(i).p50Millis(), slices.get(i).p99Millis())
                    .counts(slices.get(i).count(), 0, 0));
        }
        Latencies first = slices.get(0);
        Latencies last = slices.get(slices.size() - 1);
        boolean steady = outcome.keptUp() && last.p99Millis() <= first.p99Millis() + 250;
        results.add(Row.of("sustain", "no growing lag, held " + seconds(settings.sustain().toMillis() / 1000.0)
                        + " at the highest rate kept up with", label(scale), clients)
                .latencies(outcome.visible().p50Millis(), outcome.visible().p99Millis())
                .value(outcome.acknowledged() / outcome.seconds(), "/s acked")
                .counts(outcome.visible().count(), outcome.failed(), outcome.missing())
                .against(String.format(Locale.ROOT, "first tenth p99 %.1f ms", first.p99Millis()),
                        last.p99Millis() / first.p99Millis())
                .target("all acked at the rate and seen; last tenth p99 <= first tenth p99 + 250 ms", steady,
                        scale == TARGET_SCALE));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds >= 10 || seconds == Math.rint(seconds) ? "%.0f s" : "%.1f s",
                seconds);
    }

    private void rebuild(LocalSystem system, Api report, Ingestion ingestion, long scale) throws Exception {
        rawConsume = new KafkaBaseline(system.bootstrapServers()).consumeAll(TOPICS);
        String raw = String.format(Locale.ROOT, "raw consume %.0f/s", rawConsume.ratePerSecond());
        results.add(Row.of("raw-consume", "raw consume of both topics, no group", label(scale), "1")
                .value(rawConsume.ratePerSecond(), "records/s").counts(rawConsume.count(), 0, 0));

        Rebuild.Outcome refold = Rebuild.run(report, "facts", settings.stall());
        results.add(Row.of("rebuild", "rebuild: refold views from the fact log (" + refold.state() + ")",
                        label(scale), "1")
                .value(refold.done() / refold.seconds(), "facts/s")
                .counts(refold.done(), refold.state().equals("COMPLETED") ? 0 : 1, 0)
                .against(raw, refold.done() / refold.seconds() / rawConsume.ratePerSecond()));

        long records = ingestion.records();
        CpuUse.Sample before = sampleCpu();
        Rebuild.Outcome replay = Rebuild.run(report, "topics", settings.stall());
        double rate = records / replay.seconds();
        double ratio = rate / rawConsume.ratePerSecond();
        cpuRow("rebuild from the topics", label(scale), "1", before, records, "record",
                rawConsume.ratePerSecond() / 2);
        results.add(Row.of("rebuild", "rebuild: read both topics again, then refold (" + replay.state() + ")",
                        label(scale), "1")
                .value(rate, "events/s")
                .counts(records, replay.state().equals("COMPLETED") ? 0 : 1, 0)
                .against(raw, ratio)
                .target(">= 0.5x raw consume", ratio >= 0.5 && replay.state().equals("COMPLETED"), true));
        results.note(String.format(Locale.ROOT, "rebuilds took %.1f s (fact log) and %.1f s (topics, %d records "
                + "on them)%s", refold.seconds(), replay.seconds(), records,
                replay.error() == null ? "" : "; the topic rebuild failed: " + replay.error()));
        ingestion.awaitCaughtUp(settings.stall());
    }

    private CpuUse.Sample sampleCpu() {
        try {
            return cpu.sample();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CPU every process spent on a phase's operations, against what the machine's cores allow each operation at
     * the target rate: a ratio over 1 means the target needs more CPU than the machine has, whatever the latencies.
     */
    private void cpuRow(String phase, String scale, String clients, CpuUse.Sample before, long operations,
                        String what, double targetRate) throws Exception {
        CpuUse.Use use = CpuUse.between(before, cpu.sample());
        if (operations == 0) {
            return;
        }
        double perOperation = use.totalMillis() / operations;
        Row row = Row.of("cpu", "CPU per " + what + ", all processes: " + phase, scale, clients)
                .value(perOperation, "ms").counts(operations, 0, 0);
        if (targetRate > 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            double budget = cores * 1000.0 / targetRate;
            row = row.against(String.format(Locale.ROOT, "%d cores at %.0f/s: %.2f ms", cores, targetRate, budget),
                    perOperation / budget);
        }
        results.add(row);
        results.note(phase + " (" + clients + "): " + use.perOperation(operations, what));
    }

    private void memory(LocalSystem system) throws Exception {
        memory.lines().forEach(results::note);
        for (String name : PROCESSES) {
            var pid = system.pid(name);
            if (pid.isEmpty()) {
                results.add(Row.of("rss", "RSS " + name, "end of run", "").counts(0, 1, 0));
                continue;
            }
            String status = "/proc/" + pid.get() + "/status";
            double rss = Machine.procField(status, "VmRSS").map(Machine::kilobytes).orElse(-1L) / 1024.0;
            double peak = memory.highest(name);
            long exits = system.exits(name);
            long outOfMemory = system.outOfMemoryErrors(name);
            if (exits > 0) {
                results.note(String.format(Locale.ROOT, "%s exited %d times during the run (%d of them on an "
                        + "OutOfMemoryError) and was started again; its log is in run/logs", name, exits, outOfMemory));
            }
            Row row = Row.of("rss", "RSS " + name, "end of run", "").value(rss, "MB")
                    .counts(rss > 0 ? 1 : 0, (rss > 0 ? 0 : 1) + exits, 0)
                    .against(String.format(Locale.ROOT, "peak %.0f MB", peak), Double.NaN);
            if (!name.equals("kafka")) {
                row = row.target("<= 350 MB, no OutOfMemoryError", rss > 0 && rss <= 350 && outOfMemory == 0, true);
            }
            results.add(row);
        }
    }

    private static Row latencyRow(String section, String measure, String scale, int clients, Measurement m) {
        return Row.of(section, measure, scale, Integer.toString(clients))
                .latencies(m.p50Millis(), m.p99Millis())
                .value(m.ratePerSecond(), "/s")
                .counts(m.count(), m.errors(), 0);
    }

    private String symbol() {
        return "BENCH/" + runId.toUpperCase(Locale.ROOT);
    }

    static String label(long facts) {
        if (facts >= 1_000_000 && facts % 1_000_000 == 0) {
            return facts / 1_000_000 + "M facts";
        }
        return facts >= 1000 && facts % 1000 == 0 ? facts / 1000 + "k facts" : facts + " facts";
    }
}
