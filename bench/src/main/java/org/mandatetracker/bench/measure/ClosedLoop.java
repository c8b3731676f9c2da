package org.mandatetracker.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is answered, for a fixed
 * time. This measures service time and throughput at a concurrency; the open-loop {@link OpenLoop} measures
 * latency at a rate.
 */
public final class ClosedLoop {

    /** One request; answers whether it succeeded. {@code iteration} counts this client's requests from 0. */
    @FunctionalInterface
    public interface Operation {
        boolean perform(int client, long iteration, ThreadLocalRandom random) throws Exception;
    }

    private ClosedLoop() {
    }

    public static Measurement run(int clients, Duration warmUp, Duration duration, Operation operation)
            throws InterruptedException {
        return run(clients, warmUp, duration, operation, () -> { });
    }

    /** As above, telling {@code measuring} when the warm-up is over and the measured phase begins. */
    public static Measurement run(int clients, Duration warmUp, Duration duration, Operation operation,
                                  Runnable measuring) throws InterruptedException {
        if (!warmUp.isZero()) {
            phase(clients, warmUp, operation, new Latencies(), 1_000_000_000L);
        }
        measuring.run();
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        phase(clients, duration, operation, latencies, 0);
        return Measurement.of(latencies, (System.nanoTime() - started) / 1e9);
    }

    private static void phase(int clients, Duration duration, Operation operation, Latencies latencies,
                              long firstIteration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (long i = firstIteration; System.nanoTime() < deadline; i++) {
                    long start = System.nanoTime();
                    try {
                        if (operation.perform(client, i, random)) {
                            latencies.recordNanos(System.nanoTime() - start);
                        } else {
                            latencies.error();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        latencies.error();
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
