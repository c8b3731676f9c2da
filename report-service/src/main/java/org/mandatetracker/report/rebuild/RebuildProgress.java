package org.mandatetracker.report.rebuild;

import java.time.Instant;

/**
 * How a rebuild is going: records read of those on the topics when it started, and the rate.
 *
 * @param state IDLE before any rebuild, then RUNNING, COMPLETED or FAILED
 */
public record RebuildProgress(String state, long done, long total, double recordsPerSecond, Instant startedAt,
                              Instant finishedAt, String error) {

    static final RebuildProgress IDLE = new RebuildProgress("IDLE", 0, 0, 0, null, null, null);
}
