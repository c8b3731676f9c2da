package org.mandatetracker.support.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Streaming processors deliver at least once. This lets a projection's handlers see each event id once: it records
 * the id in the projection's transaction and skips an event whose id is already there.
 */
public class OncePerEvent implements MessageHandlerInterceptor<EventMessage<?>> {

    /** Registers the interceptor on each named processing group; their events are recorded in {@code processed_event}. */
    public static ConfigurerModule on(JdbcClient jdbc, String... processingGroups) {
        return configurer -> {
            for (String group : processingGroups) {
                configurer.eventProcessing().registerHandlerInterceptor(group, c -> new OncePerEvent(jdbc, group));
            }
        };
    }

    private final JdbcClient jdbc;
    private final String projection;

    private OncePerEvent(JdbcClient jdbc, String projection) {
        this.jdbc = jdbc;
        this.projection = projection;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        int inserted = jdbc.sql("INSERT INTO processed_event (projection, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(projection, unitOfWork.getMessage().getIdentifier())
                .update();
        return inserted == 1 ? chain.proceed() : null;
    }
}
