package org.mandatetracker.web.read;

import org.mandatetracker.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The bodies as a tree, searchable, and a body's page with its mandates as of a date. */
@Controller
public class BodyController {

    /** The API's largest page: a level of the tree longer than this shows its first bodies and says so. */
    private static final int TREE_LEVEL = 500;
    private static final int MATCHES_PAGE = 50;
    /** The body page shows the latest of its timeline and recommendations; the lists' own pages show the rest. */
    private static final int LATEST = 20;
    private static final int HISTORY_PAGE = 100;

    private final Gateway gateway;
    private final Json json;
    private final Parallel parallel;

    public BodyController(Gateway gateway, Json json, Parallel parallel) {
        this.gateway = gateway;
        this.json = json;
        this.parallel = parallel;
    }

    @ModelAttribute("treeLevel")
    int treeLevel() {
        return TREE_LEVEL;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/bodies";
    }

    /**
     * Without a text: the top of the tree, each body opening onto its children (fetched as it opens). With one: the
     * bodies whose name or short name contains it, or that the decision it names established, a page at a time.
     */
    @GetMapping("/bodies")
    String bodies(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        String query = q.strip();
        model.addAttribute("q", q);
        if (query.isEmpty()) {
            model.addAttribute("tree", json.list(gateway.get("/bodies", Map.of("topLevel", "true",
                    "size", Integer.toString(TREE_LEVEL)))));
        } else {
            int from = Math.max(page, 0);
            List<Map<String, Object>> found = json.list(gateway.get("/bodies", Map.of("q", query,
                    "page", Integer.toString(from), "size", Integer.toString(MATCHES_PAGE))));
            model.addAttribute("matches", found);
            model.addAttribute("page", from);
            model.addAttribute("more", found.size() == MATCHES_PAGE);
        }
        return "bodies";
    }

    /** One body's children, as the tree's next level. */
    @GetMapping("/bodies/{id}/children")
    String children(@PathVariable String id, Model model) {
        model.addAttribute("nodes", childrenOf(id));
        return "bodies :: nodes";
    }

    private List<Map<String, Object>> childrenOf(String id) {
        return json.list(gateway.get("/bodies", Map.of("parent", id, "size", Integer.toString(TREE_LEVEL))));
    }

    @GetMapping("/bodies/{id}")
    String body(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String date = (asOf == null ? LocalDate.now() : asOf).toString();
        model.addAttribute("asOf", date);
        // The calls are independent of one another: all start at once, and the page waits for the slowest.
        var mandates = parallel.start(() -> json.list(gateway.get("/bodies/{id}/mandates", Map.of("asOf", date),
                id)));
        if (htmx != null) {
            model.addAttribute("body", json.map(gateway.get("/bodies/{id}", id)));
            model.addAttribute("mandates", parallel.join(mandates));
            return "body :: mandates";
        }
        var children = parallel.start(() -> childrenOf(id));
        var timeline = parallel.start(() -> json.list(gateway.get("/bodies/{id}/timeline", Map.of("asOf", date,
                "newestFirst", "true", "size", Integer.toString(LATEST)), id)));
        var meetings = parallel.start(() -> json.list(gateway.get("/meetings", Map.of("body", id))));
        var recommendations = parallel.start(() -> json.list(gateway.get("/recommendations", Map.of("body", id,
                "newestFirst", "true", "size", Integer.toString(LATEST)))));
        model.addAttribute("body", json.map(gateway.get("/bodies/{id}", id)));
        model.addAttribute("mandates", parallel.join(mandates));
        model.addAttribute("children", parallel.join(children));
        model.addAttribute("timeline", parallel.join(timeline));
        model.addAttribute("timelineMore", parallel.join(timeline).size() == LATEST);
        model.addAttribute("meetings", parallel.join(meetings));
        model.addAttribute("recommendations", parallel.join(recommendations));
        return "body";
    }

    @GetMapping("/mandates/{id}")
    String mandate(@PathVariable String id, @RequestParam(required = false) LocalDate asOf, Model model) {
        String date = (asOf == null ? LocalDate.now() : asOf).toString();
        model.addAttribute("asOf", date);
        model.addAttribute("mandate", json.map(gateway.get("/mandates/{id}", Map.of("asOf", date), id)));
        return "mandate";
    }

    /** A body's whole timeline, oldest first, a page at a time. */
    @GetMapping("/bodies/{id}/timeline")
    String timeline(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        String date = (asOf == null ? LocalDate.now() : asOf).toString();
        int shown = Math.max(page, 0);
        var entries = parallel.start(() -> json.list(gateway.get("/bodies/{id}/timeline", Map.of("asOf", date,
                "page", Integer.toString(shown), "size", Integer.toString(HISTORY_PAGE)), id)));
        model.addAttribute("body", json.map(gateway.get("/bodies/{id}", id)));
        model.addAttribute("asOf", date);
        pageOf(parallel.join(entries), shown, model);
        return "timeline";
    }

    @GetMapping("/decisions")
    String decision(@RequestParam(defaultValue = "") String ref, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        model.addAttribute("ref", ref);
        if (!ref.isBlank()) {
            int shown = Math.max(page, 0);
            pageOf(json.list(gateway.get("/decisions/{ref}/history", Map.of("page", Integer.toString(shown),
                    "size", Integer.toString(HISTORY_PAGE)), ref.strip())), shown, model);
        }
        return "decision";
    }

    private static void pageOf(List<Map<String, Object>> entries, int page, Model model) {
        model.addAttribute("history", entries);
        model.addAttribute("page", page);
        model.addAttribute("more", entries.size() == HISTORY_PAGE);
    }
}
