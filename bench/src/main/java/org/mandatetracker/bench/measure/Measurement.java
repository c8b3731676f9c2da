package org.mandatetracker.bench.measure;

/**
 * What one load phase measured: latencies of the successful operations, how many failed, how many operations it
 * counted (those with latencies, or records read where only the rate matters), and how long it ran.
 */
public record Measurement(Latencies latencies, long count, double seconds) {

    public static Measurement of(Latencies latencies, double seconds) {
        return new Measurement(latencies, latencies.count(), seconds);
    }

    public long errors() {
        return latencies.errors();
    }

    public double ratePerSecond() {
        return seconds <= 0 ? Double.NaN : count / seconds;
    }

    public double p50Millis() {
        return latencies.p50Millis();
    }

    public double p99Millis() {
        return latencies.p99Millis();
    }
}
