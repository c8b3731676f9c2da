/** Consuming another service's topic: each record applied once, and a record that cannot be applied parked, never lost. */
package org.mandatetracker.support.consume;
