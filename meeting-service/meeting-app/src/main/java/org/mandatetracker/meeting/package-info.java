/** meeting-service: records the meetings bodies hold and the decisions, recommendations and documents they produce. */
package org.mandatetracker.meeting;
