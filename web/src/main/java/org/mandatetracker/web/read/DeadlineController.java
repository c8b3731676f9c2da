package org.mandatetracker.web.read;

import org.mandatetracker.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deadlines due soon and overdue across all bodies, as of a date, by body and status. */
@Controller
public class DeadlineController {

    static final List<String> STATUSES = List.of("DUE_SOON", "OVERDUE", "OPEN", "EXTENDED", "FULFILLED",
            "SUPERSEDED", "TERMINATED", "STANDING");

    private final Gateway gateway;
    private final Json json;
    private final SuggestionController suggestions;

    public DeadlineController(Gateway gateway, Json json, SuggestionController suggestions) {
        this.gateway = gateway;
        this.json = json;
        this.suggestions = suggestions;
    }

    @GetMapping("/deadlines")
    String deadlines(@RequestParam(required = false) LocalDate asOf, @RequestParam(defaultValue = "") String body,
                     @RequestParam(required = false) List<String> status, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        String date = (asOf == null ? LocalDate.now() : asOf).toString();
        List<String> statuses = status == null || status.isEmpty() ? List.of("DUE_SOON", "OVERDUE")
                : status.stream().filter(STATUSES::contains).toList();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("asOf", date);
        query.put("body", body);
        query.put("status", String.join(",", statuses));
        query.put("page", Integer.toString(Math.max(page, 0)));
        query.put("size", "100");
        model.addAttribute("asOf", date);
        model.addAttribute("bodyId", body);
        model.addAttribute("selected", statuses);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("bodies", suggestions.bodies(body));
        Map<String, Object> found = json.map(gateway.get("/mandates", query));
        model.addAttribute("page", found);
        model.addAttribute("bodyNames", namesOf(found.get("items")));
        return "deadlines";
    }

    /** The names of the bodies the page's mandates belong to, in one call. */
    private Map<Object, Object> namesOf(Object items) {
        List<String> ids = items instanceof List<?> list ? list.stream().filter(Map.class::isInstance)
                .map(item -> String.valueOf(((Map<?, ?>) item).get("bodyId"))).distinct().toList() : List.of();
        Map<Object, Object> names = new HashMap<>();
        if (!ids.isEmpty()) {
            json.list(gateway.get("/bodies", Map.of("id", String.join(",", ids), "size", Integer.toString(ids.size()))))
                    .forEach(known -> names.put(known.get("id"), known.get("name")));
        }
        return names;
    }
}
