/** Cross-cutting HTTP concerns at the edge: correlation ids and per-client rate limits. */
package org.mandatetracker.gateway.web;
