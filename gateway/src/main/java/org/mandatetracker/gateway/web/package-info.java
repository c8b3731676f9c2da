/** Cross-cutting HTTP concerns at the edge: correlation ids, and per-client limits on rate, size and concurrency. */
package org.mandatetracker.gateway.web;
