/** The facts meeting-service records about meetings and what they produce, as published on {@code meeting.events.v1}. */
package org.mandatetracker.meeting.api;
