package org.mandatetracker.web.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandatetracker.web.api.Gateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Recommendations, oldest first, and a live feed: each browser's feed follows the API's event stream and sends each
 * new recommendation on as a rendered list item, which htmx's SSE extension appends without a reload.
 */
@Controller
public class RecommendationController {

    private static final Logger log = LoggerFactory.getLogger(RecommendationController.class);
    private static final Duration FEED_LIFETIME = Duration.ofMinutes(30);
    /** How many of the latest recommendations the page starts with. */
    private static final int LATEST = 50;

    private final Gateway gateway;
    private final Json json;
    private final ObjectMapper mapper;
    private final SpringTemplateEngine templates;
    private final ApplicationContext application;
    private final SuggestionController suggestions;
    private final ExecutorService feeds = Executors.newCachedThreadPool();

    public RecommendationController(Gateway gateway, Json json, ObjectMapper mapper, SpringTemplateEngine templates,
                                    ApplicationContext application, SuggestionController suggestions) {
        this.suggestions = suggestions;
        this.gateway = gateway;
        this.json = json;
        this.mapper = mapper;
        this.templates = templates;
        this.application = application;
    }

    @GetMapping("/recommendations")
    String recommendations(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("bodyId", body);
        model.addAttribute("bodies", suggestions.bodies(body));
        // The latest ones, shown oldest first, as those arriving on the stream follow them.
        List<Map<String, Object>> latest = new ArrayList<>(json.list(gateway.get("/recommendations", Map.of(
                "body", body, "newestFirst", "true", "size", Integer.toString(LATEST)))));
        Collections.reverse(latest);
        model.addAttribute("recommendations", latest);
        return "recommendations";
    }

    @GetMapping(value = "/recommendations/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(defaultValue = "") String body,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(FEED_LIFETIME.toMillis());
        Gateway.Caller caller = gateway.caller();
        Locale locale = LocaleContextHolder.getLocale();
        Future<?> feed = feeds.submit(() -> {
            try {
                gateway.follow("/recommendations/stream", Map.of("body", body), caller, lastEventId,
                        () -> opened(emitter), event -> send(emitter, event, locale), () -> keepAlive(emitter));
                emitter.complete();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception failed) {
                log.info("A recommendations feed ended: {}", failed.toString());
                emitter.completeWithError(failed);
            }
        });
        emitter.onCompletion(() -> feed.cancel(true));
        emitter.onTimeout(() -> feed.cancel(true));
        emitter.onError(error -> feed.cancel(true));
        return emitter;
    }

    /** The browser sees the stream open only once the API's is, so nothing recorded after that can be missed. */
    private static void opened(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("following"));
        } catch (IOException gone) {
            throw new IllegalStateException("The browser left the feed", gone);
        }
    }

    /**
     * Passes the API's keep-alive on: a browser that has gone is noticed only when something is written to it, and
     * until then this feed, and the stream it holds at the gateway, would stay open for nobody.
     */
    private static void keepAlive(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException gone) {
            throw new IllegalStateException("The browser left the feed", gone);
        }
    }

    private void send(SseEmitter emitter, Gateway.StreamEvent event, Locale locale) {
        try {
            Map<String, Object> recommendation = new HashMap<>(json.map(mapper.readTree(event.data())));
            // the stream carries the RecommendationAdopted event, whose names differ from the list's
            recommendation.putIfAbsent("id", recommendation.get("recommendationId"));
            recommendation.putIfAbsent("adoptedOn", recommendation.get("occurredOn"));
            Context context = new Context(locale, Map.of("r", recommendation));
            context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(application, null));
            String html = templates.process("recommendation-item", Set.of("item"), context);
            SseEmitter.SseEventBuilder sent = SseEmitter.event().name("recommendation").data(html.strip());
            emitter.send(event.id() == null ? sent : sent.id(event.id()));
        } catch (IOException gone) {
            throw new IllegalStateException("The browser left the feed", gone);
        }
    }
}
