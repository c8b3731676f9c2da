package org.mandatetracker.meeting.config;

import org.mandatetracker.meeting.api.MeetingEventTypes;
import org.mandatetracker.meeting.query.MeetingProjection;
import org.mandatetracker.support.projection.Projections;
import org.mandatetracker.support.relay.EventPublication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What is particular to meeting-service; the rest comes from the platform modules. */
@Configuration(proxyBeanMethods = false)
class MeetingServiceConfig {

    @Bean
    EventPublication meetingEvents() {
        return new EventPublication(MeetingEventTypes.TOPIC, MeetingEventTypes.SOURCE, MeetingEventTypes::typeOf,
                MeetingEventTypes.all());
    }

    /** The read model sees each event once, and dead-letters one it cannot apply. */
    @Bean
    Projections projections() {
        return Projections.of(MeetingProjection.PROCESSING_GROUP);
    }
}
