package org.mandatetracker.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;

/** A rebuild of report-service's read side from the topics, started and watched through its admin endpoint. */
public final class Rebuild {

    /**
     * @param records the records the service says it read
     * @param seconds from the request until the service reported completion, as seen by polling
     * @param serviceRate the rate the service reports itself
     */
    public record Outcome(String state, long records, double seconds, double serviceRate) {

        public double ratePerSecond() {
            return records / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rebuild() {
    }

    public static Outcome run(Api report, Duration timeout) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = report.post("/admin/rebuild", null);
        if (!Api.ok(started.statusCode())) {
            throw new IllegalStateException("POST /admin/rebuild answered " + started.statusCode() + ": "
                    + started.body());
        }
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            JsonNode progress = JSON.readTree(report.get("/admin/rebuild").body());
            String state = progress.path("state").asText();
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                return new Outcome(state, progress.path("done").asLong(), (System.nanoTime() - start) / 1e9,
                        progress.path("recordsPerSecond").asDouble());
            }
        }
        throw new IllegalStateException("The rebuild did not finish within " + timeout);
    }
}
