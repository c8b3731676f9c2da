package org.mandatetracker.support.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every projection named in the service's {@link Projections} bean dead-letters an event it cannot apply into Axon's
 * JDBC {@code SequencedDeadLetterQueue} (table {@code deadletterentry}). The queue holds back that aggregate's later
 * events and lets every other aggregate's flow on, so no event jams a view and none is skipped. A failure that says
 * nothing about the event (the database unreachable, a lock or statement timeout) is not dead-lettered: it fails the
 * batch, and the processor retries it with growing pauses.
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterController.class)
public class ProjectionSupport {

    @Bean
    static ProjectionSteps projectionSteps(ObjectProvider<Projections> projections, ObjectProvider<JdbcClient> jdbc,
                                           ObjectProvider<PlatformTransactionManager> transactions) {
        return new ProjectionSteps(projections.getIfAvailable(() -> Projections.of()), jdbc.getObject(),
                transactions.getObject());
    }

    @Bean
    ConfigurerModule deadLetterQueues(ObjectProvider<Projections> projections, ConnectionProvider connections,
                                      TransactionManager transactions) {
        return configurer -> {
            for (String group : projections.getIfAvailable(() -> Projections.of()).groups()) {
                configurer.eventProcessing()
                        .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connections)
                                .transactionManager(transactions)
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())
                                .build())
                        .registerDeadLetterPolicy(group, c -> deadLetterUnlessTransient());
            }
        };
    }

    @Bean
    DeadLetters deadLetters(ObjectProvider<Projections> projections, EventProcessingConfiguration processing,
                            MeterRegistry meters) {
        return new DeadLetters(projections.getIfAvailable(() -> Projections.of()), processing, meters);
    }

    static EnqueuePolicy<EventMessage<?>> deadLetterUnlessTransient() {
        return (letter, cause) -> {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException) {
                throw (RuntimeException) cause;
            }
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
