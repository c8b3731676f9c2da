package org.mandatetracker.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway is, and how people sign in.
 *
 * @param gatewayUrl     the public API's base, e.g. {@code http://127.0.0.1:8080}
 * @param readToken      a reader's token sent on behalf of anonymous visitors, when the gateway does not open reads
 * @param localJwtSecret the gateway's local HS256 secret: when set, the sign-in page accepts a pasted token
 */
@ConfigurationProperties("web")
public record WebProperties(String gatewayUrl, String readToken, String localJwtSecret) {

    public boolean localSignIn() {
        return localJwtSecret != null && !localJwtSecret.isBlank();
    }
}
