/** What aggregates answer: a rule broken, naming field and rule, or the outcome of a command. */
package org.mandatetracker.support.command;
