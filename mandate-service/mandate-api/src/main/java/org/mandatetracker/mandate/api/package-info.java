/** The facts mandate-service records about bodies and their mandates, as published on {@code mandate.events.v1}. */
package org.mandatetracker.mandate.api;
