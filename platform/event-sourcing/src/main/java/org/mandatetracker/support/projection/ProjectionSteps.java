package org.mandatetracker.support.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each projection handler as one step of its batch's transaction, under a savepoint. The step first records the
 * event id in {@code processed_event} and skips an event already there, since streaming processors deliver at least
 * once. A step that fails is rolled back to its savepoint, the event id included, so the batch's transaction stays
 * usable: the dead-letter queue can then store the event in it, and a later retry applies it afresh.
 */
class ProjectionSteps implements HandlerEnhancerDefinition {

    private final Projections projections;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    ProjectionSteps(Projections projections, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(),
                ProcessingGroup.class);
        if (group == null || !projections.groups().contains(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new Step<>(original, group.value());
    }

    private final class Step<T> extends WrappedMessageHandlingMember<T> {

        private final String projection;

        private Step(MessageHandlingMember<T> delegate, String projection) {
            super(delegate);
            this.projection = projection;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            try {
                return savepoint.execute(status -> {
                    int first = jdbc.sql("""
                                    INSERT INTO processed_event (projection, event_id) VALUES (?, ?)
                                    ON CONFLICT DO NOTHING""")
                            .params(projection, message.getIdentifier()).update();
                    if (first == 0) {
                        return null;
                    }
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new Checked(e);
                    }
                });
            } catch (Checked e) {
                throw (Exception) e.getCause();
            }
        }
    }

    /** Carries a handler's checked exception through the transaction template, which rolls back for it. */
    private static final class Checked extends RuntimeException {
        private Checked(Exception cause) {
            super(cause);
        }
    }
}
