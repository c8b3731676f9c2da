package org.mandatetracker.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandatetracker.bench.seed.Layout;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The read-side questions the benchmark asks, each of a random body among those seeded. */
public enum Query {

    BODY_MANDATES("body's mandates as of a date",
            c -> "/bodies/" + c.body() + "/mandates?asOf=" + c.layout().midLife(c.index())),
    MANDATE_PAGE("mandate list, first page with total", c -> "/mandates?size=20"),
    /** Each client pages on through the list by the previous page's cursor, as a client reading it all would. */
    MANDATE_NEXT_PAGE("mandate list, next page by cursor", c -> "/mandates?size=20"),
    DECISION_HISTORY("decision history",
            c -> "/decisions/" + URLEncoder.encode(c.layout().establishingDecision(c.index()), StandardCharsets.UTF_8)
                    + "/history"),
    TIMELINE("body timeline", c -> "/bodies/" + c.body() + "/timeline"),
    CALENDAR("calendar feed", c -> "/calendar.ics?body=" + c.body());

    /** What a query is asked about: a body picked at random. */
    public record Choice(Layout layout, int index, int mandates, ThreadLocalRandom random) {
        String body() {
            return layout.bodyId(index);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String title;
    private final Function<Choice, String> path;

    Query(String title, Function<Choice, String> path) {
        this.title = title;
        this.path = path;
    }

    public String title() {
        return title;
    }

    public String path(Layout layout, int bodies, int mandates, ThreadLocalRandom random) {
        return path.apply(new Choice(layout, random.nextInt(bodies), mandates, random));
    }

    /** Closed-loop clients asking this question of report-service. */
    public ClosedLoop.Operation against(Api report, Layout layout, int bodies, int mandates) {
        if (this == MANDATE_NEXT_PAGE) {
            Map<Integer, String> cursors = new ConcurrentHashMap<>();
            return (client, iteration, random) -> {
                String cursor = cursors.get(client);
                HttpResponse<String> page = report.get(path(layout, bodies, mandates, random)
                        + (cursor == null ? "" : "&after=" + cursor));
                if (page.statusCode() != 200) {
                    return false;
                }
                JsonNode next = JSON.readTree(page.body()).path("next");
                if (next.isTextual()) {
                    cursors.put(client, next.asText());
                } else {
                    cursors.remove(client);
                }
                return true;
            };
        }
        return (client, iteration, random) -> report.getOk(path(layout, bodies, mandates, random));
    }
}
