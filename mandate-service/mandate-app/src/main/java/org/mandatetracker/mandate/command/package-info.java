/** The Body and Mandate aggregates, their commands, and every rule a recorded fact must obey. */
package org.mandatetracker.mandate.command;
