package org.mandatetracker.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A subscriber to the recommendation stream through the gateway that hangs up every few seconds and reconnects with
 * {@code Last-Event-ID}, so that with several replicas it resumes on whichever the gateway picks. It counts how
 * often each of the load's recommendations reached it: once each is what resuming exactly after the last event
 * means.
 */
final class StreamWatcher implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Duration reconnectEvery;
    private final Pattern ids;
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger failedConnections = new AtomicInteger();
    private volatile String lastEventId;
    private volatile long subscribedAt;
    private Thread thread;

    StreamWatcher(String gateway, String prefix, Duration reconnectEvery) {
        this.gateway = gateway;
        this.reconnectEvery = reconnectEvery;
        this.ids = Pattern.compile("\"recommendationId\"\\s*:\\s*\"(" + Pattern.quote(prefix) + "-[^\"]+)\"");
    }

    /** Subscribes once before returning, so that what is recorded from now on is owed to this subscriber. */
    void start() throws Exception {
        HttpResponse<Stream<String>> first = connect();
        if (first == null) {
            throw new IllegalStateException("The recommendation stream could not be opened");
        }
        subscribedAt = System.nanoTime();
        thread = new Thread(() -> watch(first), "fault-stream");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(HttpResponse<Stream<String>> first) {
        HttpResponse<Stream<String>> response = first;
        while (running.get()) {
            if (response != null) {
                read(response.body());
            }
            if (!running.get()) {
                return;
            }
            try {
                response = connect();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failedConnections.incrementAndGet();
                response = null;
            }
            if (response == null && !pause()) {
                return;
            }
        }
    }

    /** Waits a second before the next attempt, as a browser's {@code EventSource} does; false if interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private HttpResponse<Stream<String>> connect() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/recommendations/stream"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            failedConnections.incrementAndGet();
            return null;
        }
        connections.incrementAndGet();
        return response;
    }

    /** Reads until the stream ends or it is time to hang up and resume elsewhere. */
    private void read(Stream<String> lines) {
        long hangUpAt = System.nanoTime() + reconnectEvery.toNanos();
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(reconnectEvery.toMillis());
            } catch (InterruptedException ignored) {
                // Closed early: the stream ended by itself.
            }
            lines.close();
        }, "fault-stream-hang-up");
        closer.setDaemon(true);
        closer.start();
        try {
            String pendingId = null;
            List<String> pending = new ArrayList<>();
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext() && System.nanoTime() < hangUpAt) {
                String line = iterator.next();
                if (line.startsWith("id:")) {
                    pendingId = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    Matcher matcher = ids.matcher(line);
                    while (matcher.find()) {
                        pending.add(matcher.group(1));
                    }
                } else if (line.isEmpty()) {
                    // An event counts once it is complete; one cut off is sent again after the last complete one.
                    pending.forEach(id -> seen.merge(id, 1, Integer::sum));
                    pending.clear();
                    if (pendingId != null) {
                        lastEventId = pendingId;
                        pendingId = null;
                    }
                }
            }
        } catch (RuntimeException ended) {
            // Hung up on purpose, or the replica went away: resume from the last complete event.
        } finally {
            closer.interrupt();
        }
    }

    long subscribedAt() {
        return subscribedAt;
    }

    /** How many times each recommendation arrived. */
    Map<String, Integer> seen() {
        return Map.copyOf(seen);
    }

    int connections() {
        return connections.get();
    }

    int failedConnections() {
        return failedConnections.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(reconnectEvery.toMillis() + 5000);
        }
    }
}
