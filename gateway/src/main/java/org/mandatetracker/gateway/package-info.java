/** The gateway: the one public entry point to Mandate Tracker. */
package org.mandatetracker.gateway;
