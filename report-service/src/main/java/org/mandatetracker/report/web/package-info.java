/** The read API: mandates and deadlines, histories, timelines, recommendations, calendar, subscriptions, rebuild. */
package org.mandatetracker.report.web;
