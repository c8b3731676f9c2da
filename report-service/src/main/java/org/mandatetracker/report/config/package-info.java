/** Wiring particular to report-service. */
package org.mandatetracker.report.config;
