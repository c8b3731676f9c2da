package org.mandatetracker.web.read;

import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Meetings: a list by body and period, one meeting's outcomes, its calendar feed and a CSV download. */
@Controller
public class MeetingController {

    private static final int LIST_PAGE = 100;
    /** The API's largest page: the download asks for one after another, writing each as it comes. */
    private static final int CSV_PAGE = 500;

    private final Gateway gateway;
    private final Json json;
    private final SuggestionController suggestions;

    public MeetingController(Gateway gateway, Json json, SuggestionController suggestions) {
        this.gateway = gateway;
        this.json = json;
        this.suggestions = suggestions;
    }

    @GetMapping("/meetings")
    String meetings(@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String from,
                    @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        int shown = Math.max(page, 0);
        List<Map<String, Object>> meetings = meetings(body, from, to, shown, LIST_PAGE);
        model.addAttribute("bodyId", body);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("bodies", suggestions.bodies(body));
        model.addAttribute("meetings", meetings);
        model.addAttribute("page", shown);
        model.addAttribute("more", meetings.size() == LIST_PAGE);
        return "meetings";
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable String id, Model model) {
        Map<String, Object> meeting = json.map(gateway.get("/meetings/{id}", id));
        model.addAttribute("meeting", meeting);
        model.addAttribute("body", json.map(gateway.get("/bodies/{id}", String.valueOf(meeting.get("bodyId")))));
        return "meeting";
    }

    /** The API's iCalendar feed, passed through so a calendar application can subscribe to this address. */
    @GetMapping("/calendar.ics")
    void calendar(@RequestParam(defaultValue = "") String body, HttpServletResponse response) throws IOException {
        response.setContentType("text/calendar;charset=UTF-8");
        gateway.copy("/calendar.ics", Map.of("body", body), response.getOutputStream());
    }

    @GetMapping("/meetings.csv")
    void csv(@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String from,
             @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"meetings.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        List<String> columns = List.of("id", "bodyId", "title", "session", "kind", "venue", "plannedStart",
                "plannedEnd", "status", "heldFrom", "heldTo");
        out.print(String.join(",", columns) + "\r\n");
        List<Map<String, Object>> meetings;
        int page = 0;
        do {
            meetings = meetings(body, from, to, page++, CSV_PAGE);
            for (Map<String, Object> meeting : meetings) {
                out.print(columns.stream().map(column -> csvField(meeting.get(column)))
                        .collect(Collectors.joining(",")) + "\r\n");
            }
            out.flush();
        } while (meetings.size() == CSV_PAGE);
    }

    private List<Map<String, Object>> meetings(String body, String from, String to, int page, int size) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("body", body);
        query.put("from", from);
        query.put("to", to);
        query.put("page", Integer.toString(page));
        query.put("size", Integer.toString(size));
        return json.list(gateway.get("/meetings", query));
    }

    /** RFC 4180 quoting; a leading formula character is defused so a spreadsheet shows text, not a formula. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
