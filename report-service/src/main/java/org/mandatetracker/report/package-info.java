/** report-service: the read side that answers what each body must do and by when, and tells subscribers what is new. */
package org.mandatetracker.report;
