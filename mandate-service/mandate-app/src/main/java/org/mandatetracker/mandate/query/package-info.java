/** The local read side: bodies and mandates as last recorded, and each body's own event history. */
package org.mandatetracker.mandate.query;
