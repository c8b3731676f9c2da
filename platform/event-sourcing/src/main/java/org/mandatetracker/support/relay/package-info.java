/** Publishes every stored event to the service's Kafka topic as a CloudEvent, using the event store as the outbox. */
package org.mandatetracker.support.relay;
