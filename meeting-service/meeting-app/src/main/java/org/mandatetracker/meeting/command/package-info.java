/** The Meeting aggregate, its commands, and every rule a meeting and its outcomes must obey. */
package org.mandatetracker.meeting.command;
