/** Every refusal the gateway itself answers, as an RFC 9457 problem that says what to do next. */
package org.mandatetracker.gateway.problem;
