/** Axon wiring every write service shares: no skipped events, recording metadata on every event, snapshots. */
package org.mandatetracker.support.axon;
