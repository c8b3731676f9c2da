/** The web application for readers and recorders, a client of the public API through the gateway only. */
package org.mandatetracker.web;
