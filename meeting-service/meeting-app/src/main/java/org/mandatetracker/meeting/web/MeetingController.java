package org.mandatetracker.meeting.web;

import org.mandatetracker.support.apidocs.Creates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandatetracker.support.web.PageLinks;
import org.mandatetracker.support.web.PublicPath;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.DocumentSymbol;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.MeetingKind;
import org.mandatetracker.meeting.command.MeetingCommands.AdoptDecision;
import org.mandatetracker.meeting.command.MeetingCommands.AdoptRecommendation;
import org.mandatetracker.meeting.command.MeetingCommands.CancelMeeting;
import org.mandatetracker.meeting.command.MeetingCommands.CorrectMeetingDates;
import org.mandatetracker.meeting.command.MeetingCommands.IssueDocument;
import org.mandatetracker.meeting.command.MeetingCommands.PostponeMeeting;
import org.mandatetracker.meeting.command.MeetingCommands.RecordMeetingHeld;
import org.mandatetracker.meeting.command.MeetingCommands.RescheduleMeeting;
import org.mandatetracker.meeting.command.MeetingCommands.ScheduleMeeting;
import org.mandatetracker.meeting.query.MeetingQueries;
import org.mandatetracker.meeting.query.MeetingView;
import org.mandatetracker.support.command.Outcome;
import org.mandatetracker.support.command.CommandReceipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Meetings", description = "Sessions of bodies, and the decisions, recommendations and documents they produce")
class MeetingController {

    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_PAGE_SIZE = 500;

    private final CommandGateway commands;
    private final MeetingQueries queries;

    MeetingController(CommandGateway commands, MeetingQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/meetings")
    @Operation(summary = "Record that a meeting of a body was scheduled")
    @Creates(value = "Recorded: the meeting is scheduled", replay = "Already recorded: an identical request repeated; nothing new was recorded")
    ResponseEntity<CommandReceipt> schedule(@Valid @RequestBody MeetingRequests.Scheduling request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Outcome outcome = commands.sendAndWait(new ScheduleMeeting(id, request.bodyId(), request.title().strip(),
                request.session(), request.kind() != null ? request.kind() : MeetingKind.REGULAR,
                request.venue() == null ? null : request.venue().strip(), request.plannedStart(),
                request.plannedEnd(), request.scheduledOn(), request.source().toCitation()));
        CommandReceipt receipt = new CommandReceipt(id, outcome);
        URI location = PublicPath.of("/meetings/" + id);
        return outcome == Outcome.RECORDED ? ResponseEntity.created(location).body(receipt)
                : ResponseEntity.ok().location(location).body(receipt);
    }

    @PostMapping("/meetings/{id}/rescheduling")
    @Operation(summary = "Record that the meeting was moved to new dates")
    CommandReceipt reschedule(@PathVariable String id, @Valid @RequestBody MeetingRequests.Rescheduling request) {
        return new CommandReceipt(id, commands.sendAndWait(new RescheduleMeeting(id, request.plannedStart(),
                request.plannedEnd(), request.reason(), request.rescheduledOn(), request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/held")
    @Operation(summary = "Record that the meeting took place, on its actual dates")
    CommandReceipt held(@PathVariable String id, @Valid @RequestBody MeetingRequests.Holding request) {
        return new CommandReceipt(id, commands.sendAndWait(new RecordMeetingHeld(id, request.heldFrom(),
                request.heldTo(), request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/postponement")
    @Operation(summary = "Record that the meeting was put off without new dates")
    CommandReceipt postpone(@PathVariable String id, @Valid @RequestBody MeetingRequests.Postponement request) {
        return new CommandReceipt(id, commands.sendAndWait(new PostponeMeeting(id, request.reason(),
                request.postponedOn(), request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/cancellation")
    @Operation(summary = "Record that the meeting was cancelled")
    CommandReceipt cancel(@PathVariable String id, @Valid @RequestBody MeetingRequests.Cancellation request) {
        return new CommandReceipt(id, commands.sendAndWait(new CancelMeeting(id, request.reason(),
                request.cancelledOn(), request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/date-correction")
    @Operation(summary = "Correct recorded planned or held dates; the history keeps both")
    CommandReceipt correctDates(@PathVariable String id,
                                @Valid @RequestBody MeetingRequests.DateCorrection request) {
        return new CommandReceipt(id, commands.sendAndWait(new CorrectMeetingDates(id, request.which(),
                request.startsOn(), request.endsOn(), request.reason().strip(), request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/decisions")
    @Operation(summary = "Record a decision or resolution the meeting adopted")
    CommandReceipt adoptDecision(@PathVariable String id,
                                 @Valid @RequestBody MeetingRequests.DecisionAdoption request) {
        DocumentReference reference = DocumentReference.parse(request.reference());
        return new CommandReceipt(reference.value(), commands.sendAndWait(new AdoptDecision(id, reference,
                request.type(), request.title().strip(), request.operativeParagraphs(), request.adoptedOn(),
                request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/recommendations")
    @Operation(summary = "Record a recommendation the meeting adopted")
    CommandReceipt adoptRecommendation(@PathVariable String id,
                                       @Valid @RequestBody MeetingRequests.RecommendationAdoption request) {
        String recommendationId = request.id() != null ? request.id() : UUID.randomUUID().toString();
        return new CommandReceipt(recommendationId, commands.sendAndWait(new AdoptRecommendation(id,
                recommendationId, request.text().strip(), request.addressee().toAddressee("addressee"),
                request.paragraph(), DocumentSymbol.parse(request.reportSymbol()), request.adoptedOn(),
                request.source().toCitation())));
    }

    @PostMapping("/meetings/{id}/documents")
    @Operation(summary = "Record a document issued for the meeting")
    CommandReceipt issueDocument(@PathVariable String id, @Valid @RequestBody MeetingRequests.DocumentIssue request) {
        DocumentSymbol symbol = DocumentSymbol.parse(request.symbol());
        SourceCitation source = request.source() != null ? request.source().toCitation()
                : SourceCitation.of(symbol.value(), null);
        return new CommandReceipt(symbol.value(), commands.sendAndWait(new IssueDocument(id, symbol,
                request.title().strip(), request.agendaItem(), request.originalLanguage(), request.distributedOn(),
                source)));
    }

    @GetMapping("/meetings")
    @Operation(summary = "Meetings, optionally of one body and overlapping a period, by date, paged (follow the Link "
            + "header's next)")
    ResponseEntity<List<MeetingView>> meetings(@RequestParam(name = "body", required = false) String bodyId,
                                               @RequestParam(required = false) LocalDate from,
                                               @RequestParam(required = false) LocalDate to,
                                               @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                                               @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE)
                                               int size) {
        List<MeetingView> found = new ArrayList<>(queries.meetings(bodyId, from, to, (long) page * size,
                size + 1));
        boolean more = found.size() > size;
        if (more) {
            found.remove(size);
        }
        return ResponseEntity.ok().headers(PageLinks.of(page, more)).body(found);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "One meeting with its decisions, recommendations and documents")
    MeetingView meeting(@PathVariable String id) {
        return queries.meeting(id).orElseThrow(() -> notFound("No meeting '" + id + "' is recorded"));
    }

    @GetMapping("/bodies/{id}/sessions/{session}")
    @Operation(summary = "A body's numbered session, e.g. the sixth session of the Conference")
    MeetingView session(@PathVariable String id, @PathVariable int session) {
        return queries.session(id, session).orElseThrow(() -> notFound("No session " + session + " of body '" + id
                + "' is scheduled"));
    }

    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }
}
