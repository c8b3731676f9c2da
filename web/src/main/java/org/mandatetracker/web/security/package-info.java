/** Who is signed in: a pasted local token or OIDC login, kept in the session, and which pages need which role. */
package org.mandatetracker.web.security;
