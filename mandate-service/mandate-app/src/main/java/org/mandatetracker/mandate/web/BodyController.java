package org.mandatetracker.mandate.web;

import org.mandatetracker.support.apidocs.Creates;
import org.mandatetracker.support.web.PublicPath;
import org.mandatetracker.support.command.CommandReceipt;
import org.mandatetracker.support.web.InvalidRequest;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandatetracker.mandate.command.BodyCommands.CorrectBodyEstablishment;
import org.mandatetracker.mandate.command.BodyCommands.DissolveBody;
import org.mandatetracker.mandate.command.BodyCommands.EstablishBody;
import org.mandatetracker.mandate.command.BodyCommands.RenameBody;
import org.mandatetracker.mandate.command.MandateCommands.ConferMandate;
import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.mandate.query.BodyView;
import org.mandatetracker.mandate.query.EventHistory;
import org.mandatetracker.mandate.query.MandateQueries;
import org.mandatetracker.mandate.query.MandateView;
import org.mandatetracker.mandate.query.RecordedEvent;
import org.mandatetracker.support.web.PageLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/bodies")
@Tag(name = "Bodies", description = "Bodies such as a Conference of the Parties and its working groups")
class BodyController {

    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_PAGE_SIZE = 500;

    private final CommandGateway commands;
    private final MandateQueries queries;
    private final EventHistory history;

    BodyController(CommandGateway commands, MandateQueries queries, EventHistory history) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
    }

    @PostMapping
    @Operation(summary = "Record that a decision established a body")
    @Creates(value = "Recorded: the body is established", replay = "Already recorded: an identical request repeated; nothing new was recorded")
    ResponseEntity<CommandReceipt> establish(@Valid @RequestBody BodyRequests.Establishment request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Outcome outcome = commands.sendAndWait(new EstablishBody(
                id, request.profile(), request.establishedOn(), request.establishedBy().toCitation()));
        return created(PublicPath.of("/bodies/" + id), new CommandReceipt(id, outcome));
    }

    @PostMapping("/{id}/renaming")
    @Operation(summary = "Record that a decision renamed the body")
    CommandReceipt rename(@PathVariable String id, @Valid @RequestBody BodyRequests.Renaming request) {
        return new CommandReceipt(id, commands.sendAndWait(new RenameBody(id, request.name().strip(),
                request.shortName().strip(), request.renamedOn(), request.source().toCitation())));
    }

    @PostMapping("/{id}/dissolution")
    @Operation(summary = "Record that a decision dissolved the body")
    CommandReceipt dissolve(@PathVariable String id, @Valid @RequestBody BodyRequests.Dissolution request) {
        return new CommandReceipt(id, commands.sendAndWait(
                new DissolveBody(id, request.dissolvedOn(), request.source().toCitation())));
    }

    @PostMapping("/{id}/correction")
    @Operation(summary = "Correct how the body's establishment was recorded; the history keeps both")
    CommandReceipt correct(@PathVariable String id, @Valid @RequestBody BodyRequests.Correction request) {
        BodyRequests.Establishment corrected = request.establishment();
        if (corrected.id() != null && !corrected.id().equals(id)) {
            throw new InvalidRequest("establishment.id", "same-body", "A correction restates this body's "
                    + "establishment; its id must be '" + id + "' or absent");
        }
        return new CommandReceipt(id, commands.sendAndWait(new CorrectBodyEstablishment(id, corrected.profile(),
                corrected.establishedOn(), corrected.establishedBy().toCitation(), request.reason().strip())));
    }

    @PostMapping("/{id}/mandates")
    @Operation(summary = "Record that a decision conferred a mandate on the body")
    @Creates(value = "Recorded: the mandate is conferred", replay = "Already recorded: an identical request repeated; nothing new was recorded")
    ResponseEntity<CommandReceipt> confer(@PathVariable String id,
                                          @Valid @RequestBody MandateRequests.Conferral request) {
        String mandateId = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Outcome outcome = commands.sendAndWait(new ConferMandate(mandateId, id, request.task().strip(),
                request.deadline().toDeadline("deadline"), request.conferredOn(), request.source().toCitation()));
        return created(PublicPath.of("/mandates/" + mandateId), new CommandReceipt(mandateId, outcome));
    }

    @GetMapping
    @Operation(summary = "Recorded bodies by name, paged (follow the Link header's next): all of them, those named by "
            + "id, those matching a text, those directly under one body, or the top of the tree; each says how many "
            + "bodies are under it")
    ResponseEntity<List<BodyView>> bodies(
            @Parameter(description = "Only these bodies (repeat the parameter, or separate ids with commas)")
            @RequestParam(required = false) List<String> id,
            @Parameter(description = "Part of the name or short name (any case), the body's id, or the decision "
                    + "that established the body, e.g. 4/4") @RequestParam(required = false) String q,
            @Parameter(description = "Only the bodies directly under this body") @RequestParam(required = false)
            String parent,
            @Parameter(description = "Only the bodies under no recorded body") @RequestParam(defaultValue = "false")
            boolean topLevel,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (parent != null && topLevel) {
            throw new InvalidRequest("topLevel", "one-of-parent-or-top-level",
                    "Give either parent or topLevel=true, not both");
        }
        List<String> ids = id == null ? List.of() : id.stream().flatMap(given -> Arrays.stream(given.split(",")))
                .map(String::strip).filter(one -> !one.isEmpty()).distinct().toList();
        if (ids.size() > MAX_PAGE_SIZE) {
            throw new InvalidRequest("id", "at-most-" + MAX_PAGE_SIZE, "At most " + MAX_PAGE_SIZE + " ids at once");
        }
        List<BodyView> found = queries.bodies(new MandateQueries.BodyFilter(ids, blankToNull(q),
                blankToNull(parent), topLevel), page, size);
        return ResponseEntity.ok().headers(PageLinks.of(page, found.size() == size)).body(found);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One body with its mandates as recorded, and whether commands may still change each",
            description = "Each mandate's status as of a date is report-service's: GET /bodies/{id}/mandates.")
    BodyDetails body(@PathVariable String id) {
        BodyView body = queries.body(id).orElseThrow(() -> notFound("body", id));
        return new BodyDetails(body, queries.mandatesOf(id));
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The body's own events, in order, with who recorded each and when")
    List<RecordedEvent> events(@PathVariable String id) {
        return history.ofBody(id).orElseThrow(() -> notFound("body", id));
    }

    record BodyDetails(@JsonUnwrapped BodyView body, List<MandateView> mandates) {
    }

    static ResponseEntity<CommandReceipt> created(URI location, CommandReceipt receipt) {
        return receipt.outcome() == Outcome.RECORDED
                ? ResponseEntity.created(location).body(receipt)
                : ResponseEntity.ok().location(location).body(receipt);
    }

    static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " '" + id + "' is recorded");
    }
}
