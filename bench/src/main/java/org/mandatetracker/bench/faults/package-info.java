/** The fault matrix: a steady write load through the gateway while processes are killed and PostgreSQL restarts. */
package org.mandatetracker.bench.faults;
