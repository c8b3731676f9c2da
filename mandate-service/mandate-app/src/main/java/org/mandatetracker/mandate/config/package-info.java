/** Wiring: Axon's event store, processors and metadata, the Kafka topic, and the HTTP JSON rules. */
package org.mandatetracker.mandate.config;
