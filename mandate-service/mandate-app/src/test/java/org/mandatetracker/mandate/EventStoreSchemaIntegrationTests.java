package org.mandatetracker.mandate;

import org.mandatetracker.testsupport.AxonSchemaContract;

/** mandate-service's event store: bytea columns, a one-step global sequence, Flyway-owned. */
@MandateServiceIntegrationTest
class EventStoreSchemaIntegrationTests extends AxonSchemaContract {
}
