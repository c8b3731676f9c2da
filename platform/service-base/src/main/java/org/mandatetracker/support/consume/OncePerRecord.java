package org.mandatetracker.support.consume;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kafka delivers at least once. A consumer calls {@link #firstTime} inside the transaction of its write: the event id
 * ({@code ce_id}) is recorded with the write, and a redelivered event is recognised and skipped.
 */
public class OncePerRecord {

    private final JdbcClient jdbc;

    OncePerRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean firstTime(String consumer, String eventId) {
        return jdbc.sql("INSERT INTO processed_event (projection, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(consumer, eventId).update() == 1;
    }
}
