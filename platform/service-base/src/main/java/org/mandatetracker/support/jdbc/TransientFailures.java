package org.mandatetracker.support.jdbc;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that says nothing about the request or record at hand (the database is down, restarting, out of
 * connections, or chose this transaction as a deadlock victim) from one that does. A Kafka record failing for a
 * transient reason is retried until the reason passes, never parked; a command is answered 503 with Retry-After.
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection exception, insufficient resources, operator intervention (e.g. shutdown). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");

    /** SQLSTATEs: serialization failure, deadlock detected. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01");

    /**
     * What HikariCP throws, with no SQLSTATE, when a transaction goes on using a connection the pool has closed
     * because the database went away under it (seen when PostgreSQL restarted in the middle of a command).
     */
    static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && POOL_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.length() == 5
                    && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }
}
