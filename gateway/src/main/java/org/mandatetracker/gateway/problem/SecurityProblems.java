package org.mandatetracker.gateway.problem;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Security's refusals with a problem body: 401 and 403 keep the {@code WWW-Authenticate} header the bearer-token
 * handlers set, and the firewall's 400 names what it refused.
 */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            String detail = exception instanceof OAuth2AuthenticationException refused
                    && refused.getError().getDescription() != null
                    ? "The bearer token was refused (" + refused.getError().getDescription() + "); send a valid, "
                    + "unexpired token: Authorization: Bearer <token>" : null;
            Problems.write(response, 401, detail, request.getRequestURI());
        };
    }

    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            Problems.write(response, 403, null, request.getRequestURI());
        };
    }

    public static RequestRejectedHandler rejected() {
        return (request, response, exception) -> Problems.write(response, 400, "The request was refused: "
                + exception.getMessage() + "; send the URL without it", null);
    }
}
