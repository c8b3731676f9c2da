package org.mandatetracker.support.command;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.mandatetracker.support.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemResponsesTests {

    private final CommandProblemResponses responses = new CommandProblemResponses(new ProblemResponses());

    /**
     * Found by restarting PostgreSQL under load: the append's connection was ended by the shutdown, and Axon reported
     * it as an event store failure, which was answered 500.
     */
    @Test
    void anAppendCutOffByADatabaseRestartIsA503ToRetry() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry", "08006",
                0, new int[0], shutdown);
        ResponseEntity<Object> answer = responses.storageFailed(new EventStoreException(
                "Cannot reuse aggregate identifier [wg-tip-advise] to create aggregate [Mandate]", batch));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        ResponseEntity<Object> wrapped = responses.commandFailed(new CommandExecutionException("failed",
                new EventStoreException("append failed", batch)));
        assertThat(wrapped.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void anAggregateThatStayedBusyOrAPoolWithNoConnectionToSpareIsA503ToRetry() {
        assertThat(responses.storageFailed(new LockAcquisitionFailedException("meeting cop-6 stayed busy"))
                .getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(responses.storageFailed(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))
                .getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aStorageFailureWithoutATransientCauseIsStillAFault() {
        ResponseEntity<Object> answer = responses.storageFailed(new EventStoreException("unreadable payload",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
