package org.mandatetracker.web.read;

import org.mandatetracker.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/** Suggestions for a field that names a body: the bodies matching what has been typed so far, as options. */
@Controller
public class SuggestionController {

    private static final String SUGGESTED = "20";

    private final Gateway gateway;
    private final Json json;

    public SuggestionController(Gateway gateway, Json json) {
        this.gateway = gateway;
        this.json = json;
    }

    /** The first bodies by name, or those matching {@code typed}. */
    public List<Map<String, Object>> bodies(String typed) {
        String text = typed == null ? "" : typed.strip();
        return json.list(gateway.get("/bodies", text.isEmpty() ? Map.of("size", SUGGESTED)
                : Map.of("q", text, "size", SUGGESTED)));
    }

    /**
     * Asked by htmx as the field changes, with the field's value under the field's own name ({@code bodyId},
     * {@code deadline.bodyId}, ...): whichever it is, it is what has been typed.
     */
    @GetMapping("/suggestions/bodies")
    String bodies(@RequestParam Map<String, String> fields, Model model) {
        String typed = fields.values().stream().filter(value -> !value.isBlank()).findFirst().orElse("");
        model.addAttribute("options", bodies(typed));
        return "fragments :: body-options(${options})";
    }
}
