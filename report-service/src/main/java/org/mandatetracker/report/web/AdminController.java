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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.mandatetracker.support.web.InvalidRequest;

import java.util.Locale;
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
    @Operation(summary = "Rebuild the read models: refold the views from the fact log (source=facts, the default), "
            + "or read both topics again from the earliest offset first (source=topics)")
    ResponseEntity<RebuildProgress> start(@RequestParam(defaultValue = "facts") String source) {
        Rebuild.Source from = switch (source.strip().toLowerCase(Locale.ROOT)) {
            case "facts" -> Rebuild.Source.FACTS;
            case "topics" -> Rebuild.Source.TOPICS;
            default -> throw new InvalidRequest("source", "one-of",
                    "source must be facts or topics, not '" + source + "'");
        };
        if (!rebuild.start(from)) {
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
