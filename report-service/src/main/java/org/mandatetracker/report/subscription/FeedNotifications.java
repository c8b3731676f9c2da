package org.mandatetracker.report.subscription;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Listens, on a connection of its own, for PostgreSQL's notification that the feed has grown (sent when a
 * recommendation's transaction commits, on whichever replica consumed it) and wakes the SSE stream and the webhook
 * senders at once. Their own polling remains the fallback while the connection is being re-established.
 */
@Component
class FeedNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedNotifications.class);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSourceProperties database;
    private final RecommendationStream stream;
    private final WebhookDispatcher webhooks;
    private volatile boolean running;
    private Thread listener;

    FeedNotifications(DataSourceProperties database, RecommendationStream stream, WebhookDispatcher webhooks) {
        this.database = database;
        this.stream = stream;
        this.webhooks = webhooks;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "feed-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + RecommendationFeed.CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    var received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        webhooks.wake();
                        stream.sendWhatIsNew();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for new recommendations failed ({}); polling until it is back", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
