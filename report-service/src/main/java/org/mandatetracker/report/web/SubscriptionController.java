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
    ResponseEntity<Subscriptions.Subscription> subscribe(@Valid @RequestBody SubscriptionRequest request) {
        var subscription = subscriptions.subscribe(request.url(), request.secret(),
                request.filter() == null ? null : request.filter().body());
        return ResponseEntity.created(PublicPath.of("/subscriptions/" + subscription.id())).body(subscription);
    }

    @GetMapping("/subscriptions/{id}")
    @Operation(summary = "One subscription")
    ResponseEntity<Subscriptions.Subscription> subscription(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(PRIVATE).body(subscriptions.find(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping("/subscriptions/{id}/deliveries")
    @Operation(summary = "Every delivery to the subscription, with each attempt")
    ResponseEntity<List<Subscriptions.Delivery>> deliveries(@PathVariable UUID id) {
        subscriptions.find(id).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok().cacheControl(PRIVATE).body(subscriptions.deliveries(id));
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription " + id);
    }
}
