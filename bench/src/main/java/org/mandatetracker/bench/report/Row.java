package org.mandatetracker.bench.report;

/**
 * One line of the results: a measure at a scale and a concurrency, with its baseline and target.
 *
 * @param section   which part of the run measured it: jdbc, kafka, http-floor, seed, query, page, write,
 *                  visibility, sustain, cpu, raw-consume, rebuild, rss, start-up
 * @param value     the figure for measures that are not latencies (a rate, megabytes, seconds), in {@code unit}
 * @param count     operations measured (successful ones; failures are in {@code errors})
 * @param missing   acknowledged writes never seen where they should have appeared
 * @param baseline  the baseline's figure that {@code ratio} compares with, described
 * @param ratio     this figure divided by the baseline's
 * @param met       {@code yes}/{@code no} at the target's scale, in parentheses at other scales, empty when none
 */
public record Row(String section, String measure, String scale, String clients, Double p50Millis, Double p99Millis,
                  Double value, String unit, long count, long errors, long missing, String baseline, Double ratio,
                  String target, String met) {

    public static Row of(String section, String measure, String scale, String clients) {
        return new Row(section, measure, scale, clients, null, null, null, null, 0, 0, 0, null, null, null, null);
    }

    public Row latencies(double p50, double p99) {
        return new Row(section, measure, scale, clients, finite(p50), finite(p99), value, unit, count, errors, missing,
                baseline, ratio, target, met);
    }

    public Row value(double value, String unit) {
        return new Row(section, measure, scale, clients, p50Millis, p99Millis, finite(value), unit, count, errors,
                missing, baseline, ratio, target, met);
    }

    public Row counts(long count, long errors, long missing) {
        return new Row(section, measure, scale, clients, p50Millis, p99Millis, value, unit, count, errors, missing,
                baseline, ratio, target, met);
    }

    public Row against(String baseline, double ratio) {
        return new Row(section, measure, scale, clients, p50Millis, p99Millis, value, unit, count, errors, missing,
                baseline, finite(ratio), target, met);
    }

    public Row target(String target, boolean met, boolean atTargetScale) {
        String verdict = met ? "yes" : "no";
        return new Row(section, measure, scale, clients, p50Millis, p99Millis, value, unit, count, errors, missing,
                baseline, ratio, target, atTargetScale ? verdict : "(" + verdict + ")");
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
