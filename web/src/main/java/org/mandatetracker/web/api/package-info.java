/** Calls to the public API through the gateway, on behalf of whoever is signed in. */
package org.mandatetracker.web.api;
