package org.mandatetracker.mandate.web;

import org.mandatetracker.support.command.CommandReceipt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandatetracker.mandate.command.MandateCommands.AmendMandateTask;
import org.mandatetracker.mandate.command.MandateCommands.ExtendMandate;
import org.mandatetracker.mandate.command.MandateCommands.RecordMandateFulfilment;
import org.mandatetracker.mandate.command.MandateCommands.SupersedeMandate;
import org.mandatetracker.mandate.command.MandateCommands.TerminateMandate;
import org.mandatetracker.mandate.query.MandateQueries;
import org.mandatetracker.mandate.query.MandateView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/mandates")
@Tag(name = "Mandates", description = "What bodies are mandated to do, and by when")
class MandateController {

    private final CommandGateway commands;
    private final MandateQueries queries;

    MandateController(CommandGateway commands, MandateQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/{id}/task-amendment")
    @Operation(summary = "Record that a decision changed the mandate's task")
    CommandReceipt amendTask(@PathVariable String id, @Valid @RequestBody MandateRequests.TaskAmendment request) {
        return new CommandReceipt(id, commands.sendAndWait(new AmendMandateTask(
                id, request.task().strip(), request.amendedOn(), request.source().toCitation())));
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Record that a decision gave the mandate a new deadline")
    CommandReceipt extend(@PathVariable String id, @Valid @RequestBody MandateRequests.Extension request) {
        return new CommandReceipt(id, commands.sendAndWait(new ExtendMandate(
                id, request.deadline().toDeadline("deadline"), request.extendedOn(), request.source().toCitation())));
    }

    @PostMapping("/{id}/fulfilment")
    @Operation(summary = "Record that the mandate was fulfilled, with the meeting or document that shows it")
    CommandReceipt fulfil(@PathVariable String id, @Valid @RequestBody MandateRequests.Fulfilment request) {
        return new CommandReceipt(id, commands.sendAndWait(new RecordMandateFulfilment(
                id, request.evidence().toEvidence("evidence"), request.fulfilledOn(), request.source().toCitation())));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Record that a decision ended the mandate")
    CommandReceipt terminate(@PathVariable String id, @Valid @RequestBody MandateRequests.Termination request) {
        return new CommandReceipt(id, commands.sendAndWait(
                new TerminateMandate(id, request.terminatedOn(), request.source().toCitation())));
    }

    @PostMapping("/{id}/supersession")
    @Operation(summary = "Record that a decision replaced the mandate")
    CommandReceipt supersede(@PathVariable String id, @Valid @RequestBody MandateRequests.Supersession request) {
        return new CommandReceipt(id, commands.sendAndWait(new SupersedeMandate(
                id, request.supersededBy(), request.supersededOn(), request.source().toCitation())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mandate as last recorded, and whether commands may still change it",
            description = "Not the mandate's status: that, as of a date, is report-service's GET /mandates/{id}.")
    MandateView mandate(@PathVariable String id) {
        return queries.mandate(id).orElseThrow(() -> BodyController.notFound("mandate", id));
    }
}
