/** The bodies this service knows, read from mandate-service's topic. */
package org.mandatetracker.meeting.bodies;
