/** The pages for readers: bodies, a body's mandates as of a date, histories, deadlines, meetings, recommendations. */
package org.mandatetracker.web.read;
