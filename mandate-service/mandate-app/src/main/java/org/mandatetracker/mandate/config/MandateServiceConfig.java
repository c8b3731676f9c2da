package org.mandatetracker.mandate.config;

import org.axonframework.config.ConfigurerModule;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.mandate.query.MandateProjection;
import org.mandatetracker.support.axon.OncePerEvent;
import org.mandatetracker.support.relay.EventPublication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What is particular to mandate-service; the rest comes from the platform modules. */
@Configuration(proxyBeanMethods = false)
class MandateServiceConfig {

    @Bean
    EventPublication mandateEvents() {
        return new EventPublication(MandateEventTypes.TOPIC, MandateEventTypes.SOURCE, MandateEventTypes::typeOf,
                MandateEventTypes.all());
    }

    @Bean
    ConfigurerModule projectionSeesEachEventOnce(JdbcClient jdbc) {
        return OncePerEvent.on(jdbc, MandateProjection.PROCESSING_GROUP);
    }
}
