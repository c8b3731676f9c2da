/** The answers: mandates with resolved deadlines and statuses as of a date, histories, timelines, calendars. */
package org.mandatetracker.report.query;
