package org.mandatetracker.support.command;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mandatetracker.support.jdbc.TransientFailures;
import org.mandatetracker.support.web.ProblemResponses;
import org.mandatetracker.support.web.ProblemResponses.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.sql.SQLException;

import static org.mandatetracker.support.web.ProblemResponses.CONFLICT;
import static org.mandatetracker.support.web.ProblemResponses.NOT_FOUND;
import static org.mandatetracker.support.web.ProblemResponses.RULE_VIOLATION;
import static org.mandatetracker.support.web.ProblemResponses.problem;

/**
 * Problem responses for what commands can fail with: a broken rule names its field and rule; an unknown id is a 404;
 * an id holding another kind of record, or a lost race, is a 409; a request the service has no capacity for at the
 * moment is a 503 to retry. Ordered before the general problem responses.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemResponses {

    static final URI BUSY = URI.create("urn:mandate-tracker:problem:busy");
    static final URI NOT_YET = URI.create("urn:mandate-tracker:problem:not-yet-known");
    static final String RETRY_AFTER_SECONDS = "1";
    static final String BUSY_DETAIL = "The service could not take this request just now (at capacity, or its "
            + "database briefly away); send the same request again";

    private final ProblemResponses general;

    public CommandProblemResponses(ProblemResponses general) {
        this.general = general;
    }

    @ExceptionHandler
    ResponseEntity<Object> ruleViolation(RuleViolation ex) {
        return switch (ex.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex.getMessage(),
                    new FieldProblem(ex.field(), ex.rule(), ex.getMessage()));
            case CONFLICT -> problem(HttpStatus.CONFLICT, CONFLICT, "Conflicts with the record", ex.getMessage(),
                    new FieldProblem(ex.field(), ex.rule(), ex.getMessage()));
            case UNPROCESSABLE -> problem(HttpStatus.UNPROCESSABLE_ENTITY, RULE_VIOLATION, "Breaks a recording rule",
                    ex.getMessage(), new FieldProblem(ex.field(), ex.rule(), ex.getMessage()));
            case NOT_YET -> retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, NOT_YET, "Not known yet",
                    ex.getMessage(), new FieldProblem(ex.field(), ex.rule(), ex.getMessage())));
        };
    }

    @ExceptionHandler
    ResponseEntity<Object> unknownAggregate(AggregateNotFoundException ex) {
        String message = "Nothing is recorded under id '" + ex.getAggregateIdentifier() + "'";
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", message,
                new FieldProblem("id", "known-id", message));
    }

    /** Bodies and mandates share one event store keyed by id; an id holding one kind cannot take the other. */
    @ExceptionHandler
    ResponseEntity<Object> otherKindOfRecord(IncompatibleAggregateException ex) {
        String message = "This id already holds another kind of record; choose another id";
        return problem(HttpStatus.CONFLICT, CONFLICT, "Id in use", message, new FieldProblem("id", "unique-id", message));
    }

    /** Two requests raced to write the same record; the loser may simply retry. */
    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    ResponseEntity<Object> concurrentWrite(Exception ex) {
        String message = "Another request changed this record at the same moment; retry";
        return problem(HttpStatus.CONFLICT, CONFLICT, "Concurrent change", message,
                new FieldProblem("id", "concurrent-change", message));
    }

    /**
     * No connection came free in time, the aggregate stayed busy, or the database was briefly away: that is load or
     * an outage, not a fault of the request, so the client is told when to send the same request again (a repeat of
     * something recorded after all is answered UNCHANGED).
     */
    private static ResponseEntity<Object> busy() {
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, BUSY, "Busy", BUSY_DETAIL));
    }

    private static ResponseEntity<Object> retryLater(ResponseEntity<Object> problem) {
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem.getBody());
    }

    /** Failures of the event store or the database: busy (see above) if that lies beneath, else a fault. */
    @ExceptionHandler({AxonException.class, DataAccessException.class, TransactionException.class,
            SQLException.class})
    ResponseEntity<Object> storageFailed(Exception ex) {
        return isOverload(ex) ? busy() : general.unexpected(ex);
    }

    @ExceptionHandler
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) {
        if (ex.getCause() instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (ex.getCause() instanceof AggregateNotFoundException notFound) {
            return unknownAggregate(notFound);
        }
        if (ex.getCause() instanceof IncompatibleAggregateException incompatible) {
            return otherKindOfRecord(incompatible);
        }
        if (ex.getCause() instanceof ConcurrencyException || ex.getCause() instanceof DuplicateKeyException) {
            return concurrentWrite((Exception) ex.getCause());
        }
        if (isOverload(ex)) {
            return busy();
        }
        return general.unexpected(ex);
    }

    /**
     * Axon and the JDBC layers wrap the pool's time-out, the lock's refusal or the database going away (a restart
     * ends its connections) in their own exceptions.
     */
    private static boolean isOverload(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof LockAcquisitionFailedException) {
                return true;
            }
        }
        return TransientFailures.isTransient(ex);
    }
}
