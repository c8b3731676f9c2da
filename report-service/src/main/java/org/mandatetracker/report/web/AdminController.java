package org.mandatetracker.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mandatetracker.report.rebuild.Rebuild;
import org.mandatetracker.report.rebuild.RebuildProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/admin/rebuild")
@Tag(name = "Administration")
class AdminController {

    private final Rebuild rebuild;

    AdminController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Drop the read models and replay both topics from the earliest offset")
    ResponseEntity<RebuildProgress> start() {
        if (!rebuild.start()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A rebuild is already running");
        }
        return ResponseEntity.accepted().body(rebuild.progress());
    }

    @GetMapping
    @Operation(summary = "How the rebuild is going: records done of total, and the rate")
    RebuildProgress progress() {
        return rebuild.progress();
    }
}
