package org.mandatetracker.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;

/** A rebuild of report-service's read side from the topics, started and watched through its admin endpoint. */
public final class Rebuild {

    /**
     * @param done        what the service counted in its last phase (facts refolded)
     * @param seconds     from the request until the service reported completion, as seen by polling
     * @param serviceRate the rate the service reports for its last phase
     */
    public record Outcome(String state, long done, double seconds, double serviceRate, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rebuild() {
    }

    /**
     * Starts a rebuild and waits for it to finish, however long it takes while it progresses.
     *
     * @param source {@code topics} (read both topics again, then refold) or {@code facts} (refold the fact log)
     * @param stall  how long the reported progress may stand still before the rebuild counts as stuck
     */
    public static Outcome run(Api report, String source, Duration stall) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = report.post("/admin/rebuild?source=" + source, null);
        if (!Api.ok(started.statusCode())) {
            throw new IllegalStateException("POST /admin/rebuild answered " + started.statusCode() + ": "
                    + started.body());
        }
        long lastProgress = start;
        String seen = "";
        while (System.nanoTime() - lastProgress < stall.toNanos()) {
            Thread.sleep(100);
            JsonNode progress = JSON.readTree(report.get("/admin/rebuild").body());
            String state = progress.path("state").asText();
            String now = state + progress.path("done").asText() + progress.path("total").asText();
            if (!now.equals(seen)) {
                seen = now;
                lastProgress = System.nanoTime();
            }
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                return new Outcome(state, progress.path("done").asLong(), (System.nanoTime() - start) / 1e9,
                        progress.path("recordsPerSecond").asDouble(), progress.path("error").asText(null));
            }
        }
        throw new IllegalStateException("The rebuild made no progress for " + stall);
    }
}
