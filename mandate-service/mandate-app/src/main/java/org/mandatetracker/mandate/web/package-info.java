/** The JSON REST API: a resource per command, the read endpoints, and RFC 9457 problem responses. */
package org.mandatetracker.mandate.web;
