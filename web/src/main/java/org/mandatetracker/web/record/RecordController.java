package org.mandatetracker.web.record;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import org.mandatetracker.web.api.ApiProblem;
import org.mandatetracker.web.api.Gateway;
import org.mandatetracker.web.read.Json;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Recorders' forms. Each form carries a submission token: a second submit of the same form (a double click, a
 * reload) waits for the first and is shown its result, so the API is called once; creations also carry an id chosen
 * here, so even two calls would record the fact once. A refusal shows the form again as it was typed, with each of
 * the API's problems beside the field it names.
 */
@Controller
public class RecordController {

    private static final String SUBMISSIONS = RecordController.class.getName() + ".submissions";
    private static final SecureRandom random = new SecureRandom();
    private static final String ESTABLISHMENT = "establishment.";

    private final Forms forms;
    private final Gateway gateway;
    private final Json json;

    public RecordController(Forms forms, Gateway gateway, Json json) {
        this.forms = forms;
        this.gateway = gateway;
        this.json = json;
    }

    @GetMapping("/record")
    String index(Model model) {
        model.addAttribute("forms", forms.all());
        return "record/index";
    }

    @GetMapping("/record/{key}")
    String form(@PathVariable String key, @RequestParam Map<String, String> prefill, Model model) {
        RecordForm form = form(key);
        Map<String, String> values = new LinkedHashMap<>(prefill);
        if (form.fields().stream().anyMatch(field -> field.name().startsWith(ESTABLISHMENT))
                && !prefill.getOrDefault("bodyId", "").isBlank()) {
            restate(form, gateway.get("/bodies/{id}", prefill.get("bodyId").strip()), values);
        }
        for (Field field : form.fields()) {
            if (field.type() == Field.Type.ID && !values.containsKey(field.name())) {
                values.put(field.name(), token(key + "-"));
            }
        }
        values.put("submission", token(""));
        return show(form, values, Map.of(), null, model);
    }

    @PostMapping("/record/{key}")
    String record(@PathVariable String key, @RequestParam Map<String, String> typed, Model model,
                  HttpSession session, RedirectAttributes redirect) throws InterruptedException {
        RecordForm form = form(key);
        String submission = typed.getOrDefault("submission", "");
        CompletableFuture<Recorded> outcome = new CompletableFuture<>();
        CompletableFuture<Recorded> first = submission.isEmpty() ? null
                : submissions(session).putIfAbsent(submission, outcome);
        if (first != null) {
            try {
                Recorded recorded = first.get();
                redirect.addFlashAttribute("recorded", recorded.outcome());
                return "redirect:" + recorded.shownAt();
            } catch (ExecutionException refused) {
                // the first submit was refused and has shown its problems; this one tries again below
                submissions(session).put(submission, outcome);
            }
        }
        Map<String, String> missing = new LinkedHashMap<>();
        form.pathFields().stream().filter(name -> typed.getOrDefault(name, "").isBlank())
                .forEach(name -> missing.put(name, "must not be blank"));
        if (!missing.isEmpty()) {
            submissions(session).remove(submission);
            outcome.completeExceptionally(new IllegalArgumentException("incomplete"));
            return show(form, typed, missing, null, model);
        }
        try {
            Object[] variables = form.pathFields().stream().map(name -> typed.get(name).strip()).toArray();
            JsonNode answer = gateway.post(form.path(), RequestBodies.of(form, typed), variables);
            Recorded recorded = new Recorded(expand(form.shownAt(), typed, answer.path("id").asText("")),
                    answer.path("outcome").asText("RECORDED"));
            outcome.complete(recorded);
            redirect.addFlashAttribute("recorded", recorded.outcome());
            return "redirect:" + recorded.shownAt();
        } catch (ApiProblem problem) {
            submissions(session).remove(submission);
            outcome.completeExceptionally(problem);
            return show(form, typed, problem.fieldErrors(), problem, model);
        } catch (RuntimeException failed) {
            submissions(session).remove(submission);
            outcome.completeExceptionally(failed);
            throw failed;
        }
    }

    /** A correction starts from the establishment as recorded, so the recorder changes only what was wrong. */
    private static void restate(RecordForm form, JsonNode body, Map<String, String> values) {
        for (Field field : form.fields()) {
            if (!field.name().startsWith(ESTABLISHMENT)) {
                continue;
            }
            JsonNode value = body.at("/" + field.name().substring(ESTABLISHMENT.length()).replace('.', '/'));
            if (value.isArray()) {
                List<String> lines = new java.util.ArrayList<>();
                value.forEach(line -> lines.add(line.asText()));
                values.putIfAbsent(field.name(), String.join("\n", lines));
            } else if (value.isBoolean()) {
                values.putIfAbsent(field.name(), value.booleanValue() ? "true" : "");
            } else if (!value.isMissingNode() && !value.isNull()) {
                values.putIfAbsent(field.name(), value.asText());
            }
        }
    }

    private String show(RecordForm form, Map<String, String> values, Map<String, String> problems, ApiProblem problem,
                        Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> unplaced = new LinkedHashMap<>();
        List<String> names = form.fields().stream().map(Field::name).toList();
        problems.forEach((path, message) -> {
            String field = names.stream().filter(name -> path.equals(name) || path.startsWith(name + "[")
                    || path.startsWith(name + ".")).findFirst().orElse(null);
            if (field == null) {
                unplaced.put(path, message);
            } else {
                errors.merge(field, message, (a, b) -> a + "; " + b);
            }
        });
        for (String list : List.of("bodies", "meetings")) {
            if (form.fields().stream().anyMatch(field -> list.equals(field.suggestions()))) {
                model.addAttribute("suggested" + Character.toUpperCase(list.charAt(0)) + list.substring(1),
                        // Bodies are many: the first few, then those matching what is typed (SuggestionController).
                        json.list(list.equals("bodies") ? gateway.get("/bodies", Map.of("size", "20"))
                                : gateway.get("/" + list)));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("unplaced", unplaced);
        model.addAttribute("problem", problem);
        if (problem != null && problem.status() >= 500) {
            model.addAttribute("unavailable", true);
        }
        return "record/form";
    }

    private RecordForm form(String key) {
        RecordForm form = forms.get(key);
        if (form == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return form;
    }

    /** Fills a path's placeholders from the typed fields, each encoded whole, or {@code {id}} from the answer. */
    private static String expand(String template, Map<String, String> typed, String answeredId) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : RecordForm.placeholders(template)) {
            String value = name.equals("id") ? answeredId : typed.getOrDefault(name, "");
            values.put(name, value.strip());
        }
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(values).toUriString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CompletableFuture<Recorded>> submissions(HttpSession session) {
        synchronized (RecordController.class) {
            Object existing = session.getAttribute(SUBMISSIONS);
            if (existing == null) {
                existing = new ConcurrentHashMap<String, CompletableFuture<Recorded>>();
                session.setAttribute(SUBMISSIONS, existing);
            }
            return (Map<String, CompletableFuture<Recorded>>) existing;
        }
    }

    /** Where a recorded fact is shown, and the API's outcome ({@code RECORDED} or {@code UNCHANGED}). */
    private record Recorded(String shownAt, String outcome) {
    }

    private static String token(String prefix) {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
