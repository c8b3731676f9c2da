/** Grows the record to a number of facts, published straight to the services' topics in the relay's shape. */
package org.mandatetracker.bench.seed;
