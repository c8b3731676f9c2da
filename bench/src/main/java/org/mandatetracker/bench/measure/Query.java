package org.mandatetracker.bench.measure;

import org.mandatetracker.bench.seed.Layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The read-side questions the benchmark asks, each of a random body among those seeded. */
public enum Query {

    BODY_MANDATES("body's mandates as of a date",
            c -> "/bodies/" + c.body() + "/mandates?asOf=" + c.layout().midLife(c.index())),
    MANDATE_PAGE("mandate list page",
            c -> "/mandates?page=" + c.random().nextInt(Math.max(1, c.mandates() / 20)) + "&size=20"),
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
        return (client, iteration, random) -> report.getOk(path(layout, bodies, mandates, random));
    }
}
