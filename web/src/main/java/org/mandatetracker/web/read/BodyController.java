package org.mandatetracker.web.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.mandatetracker.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bodies as a tree, searchable, and a body's page with its mandates as of a date. */
@Controller
public class BodyController {

    private final Gateway gateway;
    private final Json json;
    private final Parallel parallel;

    public BodyController(Gateway gateway, Json json, Parallel parallel) {
        this.gateway = gateway;
        this.json = json;
        this.parallel = parallel;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/bodies";
    }

    @GetMapping("/bodies")
    String bodies(@RequestParam(defaultValue = "") String q, Model model) {
        List<Map<String, Object>> all = json.list(gateway.get("/bodies"));
        all.sort(Comparator.comparing(body -> String.valueOf(body.get("name"))));
        String query = q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("q", q);
        if (query.isEmpty()) {
            model.addAttribute("tree", tree(all));
        } else {
            model.addAttribute("matches", all.stream().filter(body -> matches(body, query)).toList());
        }
        return "bodies";
    }

    /** Matches the name, the short name or the decision that established the body. */
    private static boolean matches(Map<String, Object> body, String query) {
        Object establishedBy = body.get("establishedBy");
        String decision = establishedBy instanceof Map<?, ?> source ? String.valueOf(source.get("document")) : "";
        return String.valueOf(body.get("name")).toLowerCase(Locale.ROOT).contains(query)
                || String.valueOf(body.get("shortName")).toLowerCase(Locale.ROOT).contains(query)
                || decision.toLowerCase(Locale.ROOT).equals(query);
    }

    /** Each body with its children under it; a body whose parent is unknown is a root. */
    private static List<Map<String, Object>> tree(List<Map<String, Object>> all) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        all.forEach(body -> {
            Map<String, Object> node = new LinkedHashMap<>(body);
            node.put("children", new ArrayList<Map<String, Object>>());
            byId.put(String.valueOf(body.get("id")), node);
        });
        List<Map<String, Object>> roots = new ArrayList<>();
        for (Map<String, Object> node : byId.values()) {
            Map<String, Object> parent = byId.get(String.valueOf(node.get("parentBodyId")));
            if (parent == null || parent == node) {
                roots.add(node);
            } else {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> children = (List<Map<String, Object>>) parent.get("children");
                children.add(node);
            }
        }
        return roots;
    }

    @GetMapping("/bodies/{id}")
    String body(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String date = (asOf == null ? LocalDate.now() : asOf).toString();
        model.addAttribute("asOf", date);
        JsonNode body = gateway.get("/bodies/{id}", id);
        model.addAttribute("body", json.map(body));
        model.addAttribute("mandates", json.list(gateway.get("/bodies/{id}/mandates", Map.of("asOf", date), id)));
        if (htmx != null) {
            return "body :: mandates";
        }
        String parentId = body.path("parentBodyId").asText("");
        var parent = parallel.start(() -> parentId.isEmpty() ? null : json.map(gateway.get("/bodies/{id}", parentId)));
        var children = parallel.start(() -> json.list(gateway.get("/bodies")).stream()
                .filter(other -> id.equals(other.get("parentBodyId"))).toList());
        var timeline = parallel.start(() -> json.list(gateway.get("/bodies/{id}/timeline", Map.of("asOf", date),
                id)));
        var meetings = parallel.start(() -> json.list(gateway.get("/meetings", Map.of("body", id))));
        var recommendations = parallel.start(() -> json.list(gateway.get("/recommendations", Map.of("body", id))));
        model.addAttribute("parent", parallel.join(parent));
        model.addAttribute("children", parallel.join(children));
        model.addAttribute("timeline", parallel.join(timeline));
        model.addAttribute("meetings", parallel.join(meetings));
        model.addAttribute("recommendations", parallel.join(recommendations));
        return "body";
    }

    @GetMapping("/mandates/{id}")
    String mandate(@PathVariable String id, @RequestParam(required = false) LocalDate asOf, Model model) {
        String date = (asOf == null ? LocalDate.now() : asOf).toString();
        model.addAttribute("asOf", date);
        Map<String, Object> mandate = json.map(gateway.get("/mandates/{id}", Map.of("asOf", date), id));
        model.addAttribute("mandate", mandate);
        model.addAttribute("body", json.map(gateway.get("/bodies/{id}", String.valueOf(mandate.get("bodyId")))));
        return "mandate";
    }

    @GetMapping("/decisions")
    String decision(@RequestParam(defaultValue = "") String ref, Model model) {
        model.addAttribute("ref", ref);
        if (!ref.isBlank()) {
            model.addAttribute("history", json.list(gateway.get("/decisions/{ref}/history", ref.strip())));
        }
        return "decision";
    }
}
