package org.mandatetracker.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a run does, as the command line sets it.
 *
 * @param scales        fact counts the record grows to, in order; queries are measured at each
 * @param queryClients  concurrencies for queries (and the HTTP floor beside them)
 * @param writeClients  concurrencies for commands (and the JDBC baseline beside them)
 * @param rates         commands per second for write-to-visible latency
 * @param pageWarmUp    unmeasured page views before the pages are timed, at each scale
 * @param queryWarmUp   unmeasured questions of every kind to report-service before the queries are timed, at each
 *                      scale
 * @param hold          how long to keep the seeded system up after the pages, for profiling by hand
 * @param sustain       how long to hold the highest write rate the visibility phases kept up with, watching whether
 *                      the lag grows; zero skips it
 * @param sustainRate   the rate to hold instead, if positive
 * @param writeWarmUp   unmeasured commands to each write service before its writes are timed, so they are timed
 *                      JIT-compiled, as in a running system
 */
public record Settings(Path root, Path output, int portBase, String javaOptions, List<Long> scales,
                       List<Integer> queryClients, List<Integer> writeClients, List<Double> rates, Duration phase,
                       Duration warmUp, Duration visibilityPhase, Duration drain, double kafkaRate,
                       int visibilityMeetings, Duration stall, String reportGroup, String pgHost, int pgPort,
                       String pgUser, Duration pageWarmUp, Duration hold, Duration sustain,
                       double sustainRate, Duration writeWarmUp, Duration queryWarmUp) {
}
