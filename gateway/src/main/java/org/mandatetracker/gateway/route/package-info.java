/** Which service answers which request, and what the gateway adds on the way. */
package org.mandatetracker.gateway.route;
