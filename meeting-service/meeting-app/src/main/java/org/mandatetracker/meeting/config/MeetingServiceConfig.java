package org.mandatetracker.meeting.config;

import org.axonframework.config.ConfigurerModule;
import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.meeting.query.MeetingProjection;
import org.mandatetracker.support.axon.OncePerEvent;
import org.mandatetracker.support.relay.EventPublication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What is particular to meeting-service; the rest comes from the platform modules. */
@Configuration(proxyBeanMethods = false)
class MeetingServiceConfig {

    @Bean
    EventPublication meetingEvents() {
        return new EventPublication(MeetingEventTypes.TOPIC, MeetingEventTypes.SOURCE, MeetingEventTypes::typeOf,
                MeetingEventTypes.all());
    }

    @Bean
    ConfigurerModule projectionSeesEachEventOnce(JdbcClient jdbc) {
        return OncePerEvent.on(jdbc, MeetingProjection.PROCESSING_GROUP);
    }
}
