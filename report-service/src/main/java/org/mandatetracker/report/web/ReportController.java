package org.mandatetracker.report.web;

import org.mandatetracker.support.web.PageLinks;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.report.query.CalendarFeed;
import org.mandatetracker.report.query.Histories;
import org.mandatetracker.report.query.HistoryEntry;
import org.mandatetracker.report.query.MandateQuery;
import org.mandatetracker.report.query.MandateReport;
import org.mandatetracker.report.query.MandateReports;
import org.mandatetracker.report.query.MandateStatus;
import org.mandatetracker.report.query.PageKey;
import org.mandatetracker.report.query.RecommendationView;
import org.mandatetracker.report.query.Recommendations;
import org.mandatetracker.support.web.InvalidRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RestController
@Tag(name = "Reports", description = "What bodies must do and by when, and the history behind it")
class ReportController {

    private static final int MAX_PAGE_SIZE = 500;
    /** Far beyond any real record, and small enough that page times size stays a long. */
    private static final int MAX_PAGE = 1_000_000;
    private static final CsvMapper CSV = CsvMapper.builder().findAndAddModules()
            .addModule(SpreadsheetCells.module()).enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Tells Excel the file is UTF-8; without it, "Côte d'Ivoire" opens garbled. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';


    private final KnownIds known;
    private final MandateReports mandates;
    private final Histories histories;
    private final Recommendations recommendations;
    private final CalendarFeed calendar;
    /** Read-only transactions, so that streamed answers are read through a cursor, a batch of rows at a time. */
    private final TransactionTemplate reading;

    ReportController(MandateReports mandates, Histories histories, Recommendations recommendations,
                     CalendarFeed calendar, PlatformTransactionManager transactions, KnownIds known) {
        this.known = known;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.mandates = mandates;
        this.histories = histories;
        this.recommendations = recommendations;
        this.calendar = calendar;
    }

    @GetMapping("/bodies/{id}/mandates")
    @Operation(summary = "A body's mandates as of a date: task, source, deadline as written and resolved, status")
    List<MandateReport> bodyMandates(@PathVariable String id, @AsOf @RequestParam(required = false) LocalDate asOf) {
        List<MandateReport> found = mandates.matching(MandateQuery.ofBody(id, orToday(asOf)));
        if (found.isEmpty()) {
            known.requireBody(id);
        }
        return found;
    }

    @GetMapping("/mandates/{id}")
    @Operation(summary = "One mandate as of a date: the same answer as its entry in its body's mandates")
    MandateReport mandate(@PathVariable String id, @AsOf @RequestParam(required = false) LocalDate asOf) {
        return mandates.byId(id, orToday(asOf)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No mandate '" + id + "' had been conferred by " + orToday(asOf)));
    }

    @GetMapping("/mandates")
    @Operation(summary = "Mandates across bodies as of a date, filtered, sorted by resolved due date, paged: follow "
            + "`next` (a cursor, passed as `after`) to page at any depth as fast as the first page")
    ResponseEntity<MandatePage> allMandates(@RequestParam(required = false) List<String> status,
                            @RequestParam(required = false) String body,
                            @RequestParam(required = false) LocalDate dueFrom,
                            @RequestParam(required = false) LocalDate dueTo,
                            @AsOf @RequestParam(required = false) LocalDate asOf,
                            @Parameter(description = "The `next` cursor of the page before")
                            @RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (after != null && page != 0) {
            throw new InvalidRequest("after", "one-of-after-or-page", "Give either after (a cursor) or page, not both");
        }
        MandateReports.Page found = mandates.page(query(status, body, dueFrom, dueTo, asOf), cursor(after), page,
                size);
        if (found.total() == 0 && body != null) {
            known.requireBody(body);
        }
        String next = found.next() == null ? null : found.next().cursor();
        return ResponseEntity.ok().headers(after == null ? PageLinks.of(page, next != null) : PageLinks.after(next))
                .body(new MandatePage(found.items(), after == null ? page : null, size, found.total(), next));
    }

    private static PageKey cursor(String after) {
        try {
            return after == null ? null : PageKey.ofCursor(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("after", "page-cursor", "after must be the next cursor of an earlier page");
        }
    }

    @GetMapping(value = "/mandates.csv", produces = "text/csv")
    @Operation(summary = "The same mandates as GET /mandates, all pages, as CSV",
            description = "UTF-8 with a byte order mark unless bom=false; text a spreadsheet would run as a formula "
                    + "starts with an apostrophe; decision numbers are written as =\"5/2\" so they stay text")
    ResponseEntity<StreamingResponseBody> mandatesCsv(@RequestParam(required = false) List<String> status,
                                                      @RequestParam(required = false) String body,
                                                      @RequestParam(required = false) LocalDate dueFrom,
                                                      @RequestParam(required = false) LocalDate dueTo,
                                                      @AsOf @RequestParam(required = false) LocalDate asOf,
                                                      @Parameter(description = "Start with a UTF-8 byte order mark, "
                                                              + "for spreadsheets")
                                                      @RequestParam(defaultValue = "true") boolean bom) {
        MandateQuery query = query(status, body, dueFrom, dueTo, asOf);
        if (body != null) {
            known.requireBody(body);
        }
        CsvSchema schema = CSV.schemaFor(MandateRow.class).withHeader();
        StreamingResponseBody csv = out -> reading.executeWithoutResult(tx -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (text; SequenceWriter writer = CSV.writer(schema).writeValues(bom ? withBom(text) : text)) {
                mandates.forEach(query, report -> {
                    try {
                        writer.write(MandateRow.of(report));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Disposition", "attachment; filename=\"mandates.csv\"").body(csv);
    }

    @GetMapping({"/decisions/{ref}/history", "/decisions/{session}/{number}/history"})
    @Operation(summary = "Every fact citing a decision, and about the bodies it established, in real-world order "
            + "(newestFirst=true: the exact reverse), paged",
            description = "ref is a decision number such as 4/4 (URL-encoded as 4%2F4, or with its slash left "
                    + "unencoded: /decisions/4/4/history) or a document symbol")
    ResponseEntity<List<HistoryEntry>> decisionHistory(@PathVariable(required = false) String ref,
                                                       @PathVariable(required = false) String session,
                                                       @PathVariable(required = false) String number,
                                                       @AsOf @RequestParam(required = false) LocalDate asOf,
                                                       @RequestParam(defaultValue = "false") boolean newestFirst,
                                                       @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE)
                                                       int page,
                                                       @RequestParam(defaultValue = "500") @Min(1)
                                                       @Max(MAX_PAGE_SIZE) int size) {
        return history(reference(ref != null ? ref : session + "/" + number), asOf,
                new Histories.Page(page, size, newestFirst));
    }

    private ResponseEntity<List<HistoryEntry>> history(DocumentReference decision, LocalDate asOf,
                                                       Histories.Page page) {
        List<HistoryEntry> entries = histories.ofDecision(decision, orToday(asOf), page);
        if (entries.isEmpty()) {
            known.requireDecision(decision.value());
        }
        return paged(entries, page);
    }

    @GetMapping("/bodies/{id}/timeline")
    @Operation(summary = "A body's meetings, outcomes and mandate changes, in real-world order "
            + "(newestFirst=true: the exact reverse), paged")
    ResponseEntity<List<HistoryEntry>> timeline(@PathVariable String id,
                                                @AsOf @RequestParam(required = false) LocalDate asOf,
                                                @RequestParam(defaultValue = "false") boolean newestFirst,
                                                @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                                                @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_PAGE_SIZE)
                                                int size) {
        Histories.Page wanted = new Histories.Page(page, size, newestFirst);
        List<HistoryEntry> entries = histories.timelineOf(id, orToday(asOf), wanted);
        if (entries.isEmpty()) {
            known.requireBody(id);
        }
        return paged(entries, wanted);
    }

    private static ResponseEntity<List<HistoryEntry>> paged(List<HistoryEntry> entries, Histories.Page page) {
        return ResponseEntity.ok().headers(PageLinks.of(page.number(), entries.size() == page.size())).body(entries);
    }

    @GetMapping("/recommendations")
    @Operation(summary = "Recommendations adopted, optionally by one body's meetings and since a date, oldest first "
            + "(newestFirst=true: the latest first), paged")
    ResponseEntity<List<RecommendationView>> recommendations(@RequestParam(required = false) String body,
                                             @RequestParam(required = false) LocalDate since,
                                             @AsOf @RequestParam(required = false) LocalDate asOf,
                                             @RequestParam(defaultValue = "false") boolean newestFirst,
                                             @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                                             @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_PAGE_SIZE)
                                             int size) {
        List<RecommendationView> found = recommendations.adopted(body, since, orToday(asOf), newestFirst, page,
                size);
        if (found.isEmpty() && body != null) {
            known.requireBody(body);
        }
        return ResponseEntity.ok().headers(PageLinks.of(page, found.size() == size)).body(found);
    }

    @GetMapping(value = "/calendar.ics", produces = "text/calendar")
    @Operation(summary = "An iCalendar feed of meetings and resolved deadlines, optionally for one body")
    ResponseEntity<StreamingResponseBody> calendar(@RequestParam(required = false) String body,
                                                   @AsOf @RequestParam(required = false) LocalDate asOf,
                                                   @Parameter(description = "List fulfilled, terminated and "
                                                           + "superseded mandates' deadlines too, marked as such")
                                                   @RequestParam(defaultValue = "true") boolean closed) {
        if (body != null) {
            known.requireBody(body);
        }
        return CalendarFeedController.ics(calendar, reading, new CalendarFeed.Options(body, orToday(asOf), closed,
                ServletUriComponentsBuilder.fromCurrentRequest().build().toUri()));
    }

    private static Writer withBom(Writer text) throws IOException {
        text.write(BYTE_ORDER_MARK);
        return text;
    }

    private static MandateQuery query(List<String> status, String body, LocalDate dueFrom, LocalDate dueTo,
                                      LocalDate asOf) {
        return new MandateQuery(orToday(asOf), statuses(status), body, dueFrom,
                dueTo);
    }

    private static Set<MandateStatus> statuses(List<String> names) {
        Set<MandateStatus> statuses = EnumSet.noneOf(MandateStatus.class);
        if (names != null) {
            for (String name : names) {
                try {
                    statuses.add(MandateStatus.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequest("status", "one-of", "status must be one of "
                            + Arrays.toString(MandateStatus.values()) + ", not '" + name + "'");
                }
            }
        }
        return statuses;
    }

    private static DocumentReference reference(String ref) {
        if (!DocumentReference.isValid(ref)) {
            throw new InvalidRequest("ref", "document-reference", "ref must be a decision number such as 4/4 or a "
                    + "document symbol such as CTOC/COP/WG.4/2011/8, not '" + ref + "'");
        }
        return DocumentReference.parse(ref);
    }

    private static LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : today();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Documents the asOf parameter once for every endpoint that takes it. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "Answer as of this real-world date (YYYY-MM-DD, 1000-01-01 to 9999-12-31), using only "
            + "facts that had happened by then; today when absent")
    @interface AsOf {
    }
}
