/** Wiring particular to mandate-service: its topic and which projections deduplicate. */
package org.mandatetracker.mandate.config;
