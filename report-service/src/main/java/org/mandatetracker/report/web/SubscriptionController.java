package org.mandatetracker.report.web;

import org.mandatetracker.support.apidocs.Creates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mandatetracker.support.web.PublicPath;
import org.mandatetracker.report.subscription.RecommendationStream;
import org.mandatetracker.report.subscription.Subscriptions;
import org.mandatetracker.support.web.Limits;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Subscriptions", description = "Hearing of new recommendations: server-sent events and webhooks")
class SubscriptionController {

    static final String RECORDED_BY = "X-Recorded-By";
    /** A subscription is its subscriber's business: no shared cache keeps it. */
    private static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

    private final RecommendationStream stream;
    private final Subscriptions subscriptions;

    SubscriptionController(RecommendationStream stream, Subscriptions subscriptions) {
        this.stream = stream;
        this.subscriptions = subscriptions;
    }

    @GetMapping(value = "/recommendations/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events, one per new recommendation; reconnect with Last-Event-ID to resume",
            description = "The headers and a first comment (`: subscribed`) with `retry: 3000` (milliseconds to wait "
                    + "before reconnecting) arrive at once. Each new recommendation is an event named "
                    + "RecommendationAdopted whose id is its place in the feed; send it back as Last-Event-ID to resume "
                    + "after it. A comment line (`: keep-alive`) every 15 s keeps proxies from closing an idle stream.")
    ResponseEntity<SseEmitter> stream(@RequestParam(required = false) String body,
                                      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
                .body(stream.open(body, lastEventId));
    }

    /** @param filter which recommendations to send; all when absent */
    record SubscriptionRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotBlank @Size(min = 16, max = 200) String secret,
            @Valid Filter filter) {

        record Filter(@Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String body) {
        }
    }

    @PostMapping("/subscriptions")
    @Operation(summary = "Subscribe a webhook to new recommendations; each delivery is a signed CloudEvents POST")
    @Creates("Subscribed: Location names the subscription, to read it and its deliveries")
    ResponseEntity<Subscriptions.Subscription> subscribe(@Valid @RequestBody SubscriptionRequest request,
                                                         @RequestHeader(name = RECORDED_BY, required = false)
                                                         String caller) {
        var subscription = subscriptions.subscribe(request.url(), request.secret(),
                request.filter() == null ? null : request.filter().body(), who(caller));
        return ResponseEntity.created(PublicPath.of("/subscriptions/" + subscription.id())).body(subscription);
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "The subscriptions you made")
    ResponseEntity<List<Subscriptions.Subscription>> mine(@RequestHeader(name = RECORDED_BY, required = false)
                                                          String caller) {
        return ResponseEntity.ok().cacheControl(PRIVATE).body(subscriptions.madeBy(who(caller)));
    }

    @GetMapping("/subscriptions/{id}")
    @Operation(summary = "One subscription you made")
    ResponseEntity<Subscriptions.Subscription> subscription(@PathVariable UUID id,
                                            @RequestHeader(name = RECORDED_BY, required = false) String caller) {
        return ResponseEntity.ok().cacheControl(PRIVATE)
                .body(subscriptions.find(id, who(caller)).orElseThrow(() -> notFound(id)));
    }

    @DeleteMapping("/subscriptions/{id}")
    @Operation(summary = "End a subscription you made; nothing more is sent to it")
    ResponseEntity<Void> unsubscribe(@PathVariable UUID id,
                                     @RequestHeader(name = RECORDED_BY, required = false) String caller) {
        if (!subscriptions.delete(id, who(caller))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/subscriptions/{id}/deliveries")
    @Operation(summary = "Every delivery to a subscription you made, with each attempt")
    ResponseEntity<List<Subscriptions.Delivery>> deliveries(@PathVariable UUID id,
                                            @RequestHeader(name = RECORDED_BY, required = false) String caller) {
        subscriptions.find(id, who(caller)).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok().cacheControl(PRIVATE).body(subscriptions.deliveries(id));
    }

    /** Who calls, as the gateway says; requests without a principal share the name {@code anonymous}. */
    private static String who(String caller) {
        return caller == null || caller.isBlank() ? "anonymous" : caller;
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id);
    }
}
