/** Who may do what: JWT bearer tokens with the roles recorder (write) and reader (read). */
package org.mandatetracker.gateway.security;
