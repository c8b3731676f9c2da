package org.mandatetracker.issuer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * A real OIDC issuer for tests: Spring Authorization Server, with one user, and one client that signs in to the web
 * application by the authorization-code flow. Its tokens carry the {@code roles} claim, as an installation's issuer
 * is configured to. Outside the web application's packages, so its context never scans them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestIssuer {

    public static final String USER = "olga-recorder";
    public static final String PASSWORD = "a-password-for-the-test";
    public static final String CLIENT = "tracker-web";
    public static final String CLIENT_SECRET = "a-client-secret-for-the-test";

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim() {
        return context -> context.getClaims().claim("roles", List.of("recorder"));
    }

    /** Starts the issuer at {@code http://127.0.0.1:port}, for a client whose sign-in ends at {@code redirectUri}. */
    public static ConfigurableApplicationContext start(int port, String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.web.";
        return new SpringApplicationBuilder(TestIssuer.class).properties(
                // Not the web application's application.yaml, which is on the same classpath.
                "spring.config.name=test-issuer",
                "server.port=" + port, "server.address=127.0.0.1",
                "server.servlet.session.cookie.name=ISSUER_SESSION",
                "spring.security.user.name=" + USER, "spring.security.user.password=" + PASSWORD,
                "spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port,
                client + "registration.client-id=" + CLIENT,
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code",
                client + "registration.redirect-uris=" + redirectUri,
                client + "registration.scopes=openid,profile",
                client + "require-authorization-consent=false").run();
    }
}
