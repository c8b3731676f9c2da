/**
 * The local read side: bodies and mandates as last recorded (for mandates, whether commands may still change them),
 * and each body's own event history. A mandate's status as of a date is report-service's to answer, not this one's.
 */
package org.mandatetracker.mandate.query;
