/** The local read side: meetings as last recorded, with the decisions, recommendations and documents of each. */
package org.mandatetracker.meeting.query;
