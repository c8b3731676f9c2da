package org.mandatetracker.support.consume;

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

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/admin/parked")
@Tag(name = "Administration")
class ParkedRecordController {

    private final ParkedRecords parked;

    ParkedRecordController(ParkedRecords parked) {
        this.parked = parked;
    }

    @GetMapping
    @Operation(summary = "Kafka records a consumer could not apply, with the reason, and those held back behind them")
    List<ParkedRecords.Parked> list() {
        return parked.list();
    }

    @PostMapping("/{topic}/{partition}/{offset}/retry")
    @Operation(summary = "Apply the record again, then its key's records parked after it, in order, until one fails")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String topic, @PathVariable int partition,
                                              @PathVariable long offset) {
        List<ParkedRecords.Parked> waiting = parked.retry(topic, partition, offset).orElseThrow(this::noSuchRecord);
        return ResponseEntity.status(waiting.isEmpty() ? HttpStatus.OK : HttpStatus.CONFLICT)
                .body(Map.of("applied", waiting.isEmpty(), "stillWaiting", waiting));
    }

    @DeleteMapping("/{topic}/{partition}/{offset}")
    @Operation(summary = "Drop a parked record for good (no view will ever show it)")
    ResponseEntity<Void> evict(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        if (!parked.evict(topic, partition, offset)) {
            throw noSuchRecord();
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseStatusException noSuchRecord() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such parked record");
    }
}
