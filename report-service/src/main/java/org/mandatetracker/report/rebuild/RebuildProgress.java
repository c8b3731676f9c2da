package org.mandatetracker.report.rebuild;

import java.time.Instant;

/**
 * How a rebuild is going: records done of those there were when its current phase started, and the rate.
 *
 * @param state  IDLE before any rebuild, then RUNNING, COMPLETED or FAILED
 * @param source FACTS (refolding the views from the fact log) or TOPICS (reading both topics again first)
 */
public record RebuildProgress(String state, String source, long done, long total, double recordsPerSecond,
                              Instant startedAt, Instant finishedAt, String error) {

    static final RebuildProgress IDLE = new RebuildProgress("IDLE", null, 0, 0, 0, null, null, null);
}
