/** The services' OpenAPI documents as a client of the gateway needs them: server, security, problems, examples. */
package org.mandatetracker.support.apidocs;
