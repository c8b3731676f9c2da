package org.mandatetracker.mandate.query;

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

    private final JdbcClient jdbc;
    private final String projection;

    public OncePerEvent(JdbcClient jdbc, String projection) {
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
