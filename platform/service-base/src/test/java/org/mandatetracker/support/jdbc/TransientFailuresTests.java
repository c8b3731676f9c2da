package org.mandatetracker.support.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTests {

    @Test
    void aDatabaseThatIsDownOrBusyIsTransientHoweverDeeplyTheListenerWrapsIt() {
        assertThat(TransientFailures.isTransient(listener(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))).isTrue();
        assertThat(TransientFailures.isTransient(listener(new CannotCreateTransactionException("begin failed"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(listener(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend", "08006"))))).isTrue();
        assertThat(TransientFailures.isTransient(listener(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(TransientFailures.isTransient(listener(new RuntimeException(
                new SQLException("deadlock detected", "40P01"))))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException("Failed to create a SQL statement",
                new SQLException(TransientFailures.POOL_CLOSED_CONNECTION)))).as("the pool closed it under us").isTrue();
    }

    @Test
    void aRecordThatTheDatabaseRefusesIsNotTransient() {
        assertThat(TransientFailures.isTransient(listener(new DataIntegrityViolationException("bad",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))).isFalse();
        assertThat(TransientFailures.isTransient(listener(new IllegalArgumentException("unknown event type"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(listener(new RuntimeException(new SQLException("odd", "5"))))).isFalse();
    }

    private static ListenerExecutionFailedException listener(Throwable cause) {
        return new ListenerExecutionFailedException("Listener method threw", cause);
    }
}
