package org.mandatetracker.bench.measure;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long a write takes to reach a subscriber: recommendations are recorded through meeting-service at a fixed
 * rate, open loop (each is sent at its scheduled time whether or not earlier ones were answered, so a slow
 * service cannot hide its latency by slowing the load), and watched for on report-service's SSE stream.
 * Latency runs from the 2xx answer to the recommendation's arrival on the stream; every acknowledged write is
 * looked for, and those that never arrive are counted as missing.
 * <p>
 * A write whose connection meeting-service closed before any answer is sent once more ({@link
 * Api#postAsyncAgainIfClosed}), as a careful client would: it carries an id the client chose, and meeting-service
 * records the same outcome again as no change.
 */
public final class Visibility implements AutoCloseable {

    /**
     * @param acknowledged  writes answered 2xx
     * @param failed        writes refused or not answered
     * @param missing       acknowledged writes that never appeared on the stream
     * @param answer        from each write's scheduled time to its answer
     * @param visible       from each write's answer to its arrival on the stream
     * @param offeredRate   the rate the writes were scheduled at
     * @param failures      failed writes by what went wrong: an HTTP status or an exception
     * @param firstFailures the first of each kind of failure: when, in seconds into the phase, and its message
     * @param resent        writes sent a second time because the service closed their connection before any answer
     * @param slices        the same as {@code visible}, for each tenth of the phase by when the write was answered:
     *                      a lag that grows shows as later slices slower than earlier ones
     */
    public record Outcome(double offeredRate, double seconds, long acknowledged, long failed, long missing,
                          Latencies answer, Latencies visible, List<String> missingIds, Map<String, Long> failures,
                          Map<String, String> firstFailures, long resent, List<Latencies> slices) {

        public static final int SLICES = 10;

        /** Whether every write was answered 2xx, at the rate offered, and every one was seen. */
        public boolean keptUp() {
            return failed == 0 && missing == 0 && acknowledged / seconds >= 0.95 * offeredRate;
        }
    }

    private static final LocalDate FIRST_SESSION = LocalDate.of(2024, 1, 10);

    private final Api mandate;
    private final Api meeting;
    private final Api report;
    private final String prefix;
    private final String symbol;
    private final int meetings;
    private final Pattern ids;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private Stream<String> stream;
    private Thread reader;

    /** @param symbol a document symbol prefix of this run's own, e.g. {@code BENCH/1A2B} */
    public Visibility(Api mandate, Api meeting, Api report, String prefix, String symbol, int meetings) {
        this.mandate = mandate;
        this.meeting = meeting;
        this.report = report;
        this.prefix = prefix + "-vis";
        this.symbol = symbol + "/VIS";
        this.meetings = meetings;
        this.ids = Pattern.compile(Pattern.quote(this.prefix) + "-r\\d+");
    }

    /** Establishes a body, holds its meetings through the write services, and subscribes to its recommendations. */
    public void prepare(HttpClient http, Duration timeout) throws Exception {
        expectOk(mandate.post("/bodies", """
                {"id": "%s", "name": "Bench visibility body", "shortName": "BVIS", "kind": "WORKING_GROUP",
                 "establishedOn": "2023-01-10", "establishedBy": {"document": "%s/EST", "paragraph": "1"}}"""
                .formatted(prefix, symbol)));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int session = 1; session <= meetings; session++) {
            LocalDate start = heldFrom(session);
            String scheduling = """
                    {"id": "%s", "bodyId": "%s", "title": "Visibility session %d", "session": %d,
                     "plannedStart": "%s", "plannedEnd": "%s", "scheduledOn": "2023-06-01",
                     "source": {"document": "%s/EST"}}"""
                    .formatted(meetingId(session), prefix, session, session, start, start.plusDays(2), symbol);
            HttpResponse<String> scheduled = meeting.post("/meetings", scheduling);
            // The body reaches meeting-service through Kafka; until it has, scheduling is refused as unknown (422),
            // or as not known yet (503) while meeting-service is still reading the topic.
            while ((scheduled.statusCode() == 422 || scheduled.statusCode() == 503) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                scheduled = meeting.post("/meetings", scheduling);
            }
            expectOk(scheduled);
            expectOk(meeting.post("/meetings/" + meetingId(session) + "/held", """
                    {"heldFrom": "%s", "heldTo": "%s", "source": {"document": "%s/REP"}}"""
                    .formatted(start, start.plusDays(2), symbol)));
        }
        HttpResponse<Stream<String>> response = http.send(report.request("/recommendations/stream?body=" + prefix)
                .header("Accept", "text/event-stream").timeout(Duration.ofDays(1)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The recommendation stream answered " + response.statusCode());
        }
        stream = response.body();
        reader = new Thread(() -> {
            try {
                stream.forEach(line -> {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        Matcher matcher = ids.matcher(line);
                        while (matcher.find()) {
                            seenAt.putIfAbsent(matcher.group(), now);
                        }
                    }
                });
            } catch (RuntimeException closed) {
                // The stream ends when the benchmark closes it.
            }
        }, "bench-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public Outcome run(double perSecond, Duration duration, Duration drain) throws Exception {
        Latencies answer = new Latencies();
        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        Map<String, String> firstFailures = new ConcurrentHashMap<>();
        AtomicLong resent = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int i = 0;
        for (long due = start; due < end; due += interval, i++) {
            LockSupport.parkNanos(due - System.nanoTime());
            long scheduled = due;
            int session = i % meetings + 1;
            String id = prefix + "-r" + sequence.incrementAndGet();
            String path = "/meetings/" + meetingId(session) + "/recommendations";
            String json = """
                    {"id": "%s", "text": "A recommendation recorded to measure visibility",
                     "addressee": {"description": "States parties"}, "reportSymbol": "%s/REP",
                     "adoptedOn": "%s", "source": {"document": "%s/REP"}}"""
                    .formatted(id, symbol, heldFrom(session).plusDays(1), symbol);
            pending.add(meeting.postAsyncAgainIfClosed(path, json, resent::incrementAndGet)
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        if (error == null && Api.ok(response.statusCode())) {
                            acknowledgedAt.put(id, now);
                            answer.recordNanos(now - scheduled);
                        } else {
                            answer.error();
                            Throwable cause = error == null ? null : Api.rootCause(error);
                            String kind = cause != null ? cause.getClass().getSimpleName()
                                    : "HTTP " + response.statusCode();
                            failures.merge(kind, 1L, Long::sum);
                            firstFailures.putIfAbsent(kind, "%.1f s: %s".formatted((now - start) / 1e9,
                                    cause != null ? cause.getMessage()
                                            : response.body().substring(0, Math.min(200, response.body().length()))));
                        }
                    }));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (Exception someFailed) {
            // Each failure is already counted; the answers that did come are what is measured.
        }
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (!seenAt.keySet().containsAll(acknowledgedAt.keySet()) && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        Latencies visible = new Latencies();
        List<Latencies> slices = Stream.generate(Latencies::new).limit(Outcome.SLICES).toList();
        long slice = Math.max(1, duration.toNanos() / Outcome.SLICES);
        List<String> missing = new ArrayList<>();
        acknowledgedAt.forEach((id, acknowledged) -> {
            Long seen = seenAt.get(id);
            if (seen == null) {
                missing.add(id);
            } else {
                visible.recordNanos(Math.max(0, seen - acknowledged));
                int index = (int) Math.min(Outcome.SLICES - 1, Math.max(0, (acknowledged - start) / slice));
                slices.get(index).recordNanos(Math.max(0, seen - acknowledged));
            }
        });
        return new Outcome(perSecond, seconds, acknowledgedAt.size(), answer.errors(), missing.size(), answer,
                visible, missing.stream().sorted().limit(20).toList(), new TreeMap<>(failures),
                new TreeMap<>(firstFailures), resent.get(), slices);
    }

    private String meetingId(int session) {
        return prefix + "-s" + session;
    }

    private static LocalDate heldFrom(int session) {
        return FIRST_SESSION.plusDays(30L * (session - 1));
    }

    private static void expectOk(HttpResponse<String> response) {
        if (!Api.ok(response.statusCode())) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
