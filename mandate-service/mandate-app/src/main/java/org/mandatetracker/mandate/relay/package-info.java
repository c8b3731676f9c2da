/** Publishes every stored event to Kafka as a CloudEvent, using the event store as the outbox. */
package org.mandatetracker.mandate.relay;
