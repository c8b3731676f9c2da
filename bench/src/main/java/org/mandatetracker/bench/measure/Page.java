package org.mandatetracker.bench.measure;

import org.mandatetracker.bench.seed.Layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The web application's pages the benchmark asks for, each about a body picked at random among those seeded. */
public enum Page {

    BODY("body page (mandates as of a date, timeline, meetings, recommendations)",
            c -> "/bodies/" + c.body() + "?asOf=" + c.layout().midLife(c.index())),
    MANDATE("mandate page as of a date", c -> "/mandates/" + c.layout().mandateId(c.index(),
            c.random().nextInt(Layout.MANDATES)) + "?asOf=" + c.layout().midLife(c.index())),
    DECISION("decision history page", c -> "/decisions?ref="
            + URLEncoder.encode(c.layout().establishingDecision(c.index()), StandardCharsets.UTF_8)),
    DEADLINES("deadlines page: due soon and overdue, all bodies", c -> "/deadlines?asOf="
            + c.layout().midLife(c.index())),
    RECOMMENDATIONS("recommendations page", c -> "/recommendations");

    private final String title;
    private final Function<Query.Choice, String> path;

    Page(String title, Function<Query.Choice, String> path) {
        this.title = title;
        this.path = path;
    }

    public String title() {
        return title;
    }

    /** Closed-loop visitors asking for this page of the web application. */
    public ClosedLoop.Operation against(Api web, Layout layout, int bodies) {
        return (client, iteration, random) -> web.getOk(path.apply(new Query.Choice(layout, random.nextInt(bodies),
                bodies * Layout.MANDATES, ThreadLocalRandom.current())));
    }
}
