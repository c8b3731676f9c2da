package org.mandatetracker.support.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/admin/dead-letters")
@Tag(name = "Administration")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Events each projection could not apply, with the cause, and its aggregate's later events")
    Map<String, List<DeadLetters.Letter>> list() {
        Map<String, List<DeadLetters.Letter>> all = new LinkedHashMap<>();
        for (String group : deadLetters.groups()) {
            all.put(group, deadLetters.list(group));
        }
        return all;
    }

    @PostMapping("/{projection}/retry")
    @Operation(summary = "Apply every held-back aggregate's events again, each from its first; failing ones stay")
    DeadLetters.Retried retryAll(@PathVariable String projection) {
        return deadLetters.retryAll(known(projection));
    }

    @PostMapping("/{projection}/{letterId}/retry")
    @Operation(summary = "Apply again the held-back events of this letter's aggregate, from the first")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String projection, @PathVariable String letterId) {
        DeadLetters.Letter letter = deadLetters.find(known(projection), letterId).orElseThrow(this::noSuchLetter);
        boolean applied = deadLetters.retry(projection, letter);
        return ResponseEntity.status(applied ? HttpStatus.OK : HttpStatus.CONFLICT).body(Map.of(
                "aggregateId", letter.aggregateId(), "applied", applied,
                "stillWaiting", deadLetters.list(projection).stream()
                        .filter(l -> l.aggregateId().equals(letter.aggregateId())).toList()));
    }

    @DeleteMapping("/{projection}/{letterId}")
    @Operation(summary = "Drop one event from the queue for good (the view will never show it)")
    ResponseEntity<Void> evict(@PathVariable String projection, @PathVariable String letterId) {
        if (!deadLetters.evict(known(projection), letterId)) {
            throw noSuchLetter();
        }
        return ResponseEntity.noContent().build();
    }

    private String known(String projection) {
        if (!deadLetters.knows(projection)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection named " + projection);
        }
        return projection;
    }

    private ResponseStatusException noSuchLetter() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such dead letter");
    }
}
