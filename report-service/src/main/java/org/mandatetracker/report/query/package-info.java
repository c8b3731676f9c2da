/** The answers, read from the stored views: mandates and statuses as of a date, histories, timelines, calendars. */
package org.mandatetracker.report.query;
