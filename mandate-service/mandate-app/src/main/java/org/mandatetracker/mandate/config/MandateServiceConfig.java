package org.mandatetracker.mandate.config;

import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.mandate.query.MandateProjection;
import org.mandatetracker.support.projection.Projections;
import org.mandatetracker.support.relay.EventPublication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What is particular to mandate-service; the rest comes from the platform modules. */
@Configuration(proxyBeanMethods = false)
class MandateServiceConfig {

    @Bean
    EventPublication mandateEvents() {
        return new EventPublication(MandateEventTypes.TOPIC, MandateEventTypes.SOURCE, MandateEventTypes::typeOf,
                MandateEventTypes.all());
    }

    /** The read model sees each event once, and dead-letters one it cannot apply. */
    @Bean
    Projections projections() {
        return Projections.of(MandateProjection.PROCESSING_GROUP);
    }
}
