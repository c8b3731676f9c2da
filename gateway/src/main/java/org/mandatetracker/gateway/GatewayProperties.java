package org.mandatetracker.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.util.List;

/**
 * How the gateway reaches the services and whom it lets through.
 *
 * @param internalSecret  sent to the services on every request; they refuse requests without it
 * @param anonymousReads  whether GET requests need no token
 * @param localJwtSecret  when set, tokens are HS256-signed with this key (local use); otherwise they are checked
 *                        against the issuer configured under {@code spring.security.oauth2.resourceserver.jwt}
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        Services services,
        String internalSecret,
        @DefaultValue("false") boolean anonymousReads,
        String localJwtSecret,
        @DefaultValue("sub") String principalClaim,
        @DefaultValue Limits limits,
        @DefaultValue Cors cors) {

    /** Each service's replicas, taken in turn; configured as a comma-separated list of base URLs. */
    public record Services(List<URI> mandate, List<URI> meeting, List<URI> report) {
    }

    /**
     * @param maxRequestSize   larger request bodies are refused with 413
     * @param requestsPerMinute per client (its principal, else its address); beyond it, 429
     * @param streams           event streams open through this gateway at once, each holding a request thread;
     *                          beyond it, 503
     * @param streamsPerClient  event streams one client may hold open at once; beyond it, 429
     * @param requestsInFlightPerClient other requests one client may have in progress at once; beyond it, 429
     */
    public record Limits(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("600") int requestsPerMinute,
                         @DefaultValue("100") int streams, @DefaultValue("8") int streamsPerClient,
                         @DefaultValue("32") int requestsInFlightPerClient) {
    }

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
