/** The JSON REST API of meeting-service: a resource per command, and the read endpoints. */
package org.mandatetracker.meeting.web;
