package org.mandatetracker.meeting;

import org.mandatetracker.testsupport.AxonSchemaContract;

/** meeting-service's event store: bytea columns, a one-step global sequence, Flyway-owned. */
@MeetingServiceIntegrationTest
class EventStoreSchemaIntegrationTests extends AxonSchemaContract {
}
