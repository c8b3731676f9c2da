package org.mandatetracker.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.mandatetracker.report.query.CalendarFeed;
import org.mandatetracker.report.subscription.CalendarFeeds;
import org.mandatetracker.support.web.Limits;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Private calendar feeds, for deployments where reads need a login: a signed-in reader creates a feed and gives its
 * URL, which holds a random token, to a calendar app; the gateway lets GETs of that one path through without a
 * login, and this service answers them only while the token is live.
 */
@RestController
@Tag(name = "Calendar feeds", description = "Private iCalendar feed URLs for calendar apps that cannot log in")
class CalendarFeedController {

    /** Calendar apps poll; a quarter of an hour is fresh enough for deadlines and meetings. */
    private static final CacheControl FRESHNESS = CacheControl.maxAge(Duration.ofMinutes(15));

    static final String RECORDED_BY = "X-Recorded-By";

    private final CalendarFeeds feeds;
    private final CalendarFeed calendar;
    private final TransactionTemplate reading;

    CalendarFeedController(CalendarFeeds feeds, CalendarFeed calendar, PlatformTransactionManager transactions) {
        this.feeds = feeds;
        this.calendar = calendar;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** @param includeClosed list fulfilled, terminated and superseded deadlines too (marked); true when absent */
    record FeedRequest(@Pattern(regexp = Limits.ID, message = Limits.ID_MESSAGE) String body, Boolean includeClosed) {
    }

    /** @param url the feed's address, token included: shown only in this answer */
    record CreatedFeed(UUID id, String bodyId, boolean includeClosed, URI url) {
    }

    @PostMapping("/calendar-feeds")
    @Operation(summary = "Create a private calendar feed URL for a calendar app; the answer shows it once")
    ResponseEntity<CreatedFeed> create(@Parameter(hidden = true) @RequestHeader(name = RECORDED_BY, required = false)
                                       String reader, @Valid @RequestBody(required = false) FeedRequest request) {
        FeedRequest asked = request == null ? new FeedRequest(null, null) : request;
        var created = feeds.create(signedIn(reader), asked.body(), asked.includeClosed() == null
                || asked.includeClosed());
        URI url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/calendar-feeds/{token}/calendar.ics").buildAndExpand(created.token()).toUri();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/calendar-feeds/{id}").buildAndExpand(created.feed().id()).toUri();
        return ResponseEntity.created(location).body(new CreatedFeed(created.feed().id(), created.feed().bodyId(),
                created.feed().includeClosed(), url));
    }

    @GetMapping("/calendar-feeds")
    @Operation(summary = "The signed-in reader's calendar feeds, revoked ones included (without their URLs)")
    List<CalendarFeeds.Feed> mine(@Parameter(hidden = true) @RequestHeader(name = RECORDED_BY, required = false)
                                  String reader) {
        return feeds.ownedBy(signedIn(reader));
    }

    @GetMapping("/calendar-feeds/{id:[0-9a-fA-F-]{36}}")
    @Operation(summary = "One of the signed-in reader's calendar feeds")
    CalendarFeeds.Feed one(@Parameter(hidden = true) @RequestHeader(name = RECORDED_BY, required = false)
                           String reader, @PathVariable UUID id) {
        return feeds.ownedBy(signedIn(reader), id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/calendar-feeds/{id}/revocation")
    @Operation(summary = "Revoke a calendar feed: its URL answers 404 from now on")
    ResponseEntity<Void> revoke(@Parameter(hidden = true) @RequestHeader(name = RECORDED_BY, required = false)
                                String reader, @PathVariable UUID id) {
        if (!feeds.revoke(signedIn(reader), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/calendar-feeds/{token}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "A private calendar feed, opened by the token in its URL; no login needed")
    ResponseEntity<StreamingResponseBody> feed(@PathVariable String token) {
        var feed = feeds.open(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No live calendar feed has this address; it may have been revoked"));
        return ics(calendar, reading, new CalendarFeed.Options(feed.bodyId(), LocalDate.now(ZoneOffset.UTC),
                feed.includeClosed(), ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri()));
    }

    /** The calendar streamed from a read-only transaction, so its rows are read through a cursor. */
    static ResponseEntity<StreamingResponseBody> ics(CalendarFeed calendar, TransactionTemplate reading,
                                                     CalendarFeed.Options options) {
        StreamingResponseBody ics = out -> reading.executeWithoutResult(tx -> {
            try {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                calendar.write(options, writer);
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .cacheControl(FRESHNESS).body(ics);
    }

    private static String signedIn(String reader) {
        if (reader == null || reader.isBlank() || reader.equals("anonymous")) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A calendar feed belongs to a signed-in "
                    + "reader: send a reader's token");
        }
        return reader;
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no calendar feed " + id);
    }
}
