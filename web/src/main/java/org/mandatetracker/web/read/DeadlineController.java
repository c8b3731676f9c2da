package org.mandatetracker.web.read;

import org.mandatetracker.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
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
    private final Parallel parallel;

    public DeadlineController(Gateway gateway, Json json, SuggestionController suggestions, Parallel parallel) {
        this.gateway = gateway;
        this.json = json;
        this.suggestions = suggestions;
        this.parallel = parallel;
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
        var suggested = parallel.start(() -> suggestions.bodies(body));
        model.addAttribute("asOf", date);
        model.addAttribute("bodyId", body);
        model.addAttribute("selected", statuses);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", json.map(gateway.get("/mandates", query)));
        model.addAttribute("bodies", parallel.join(suggested));
        return "deadlines";
    }
}
