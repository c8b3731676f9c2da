/** Wiring particular to meeting-service: its topic and which projections deduplicate. */
package org.mandatetracker.meeting.config;
