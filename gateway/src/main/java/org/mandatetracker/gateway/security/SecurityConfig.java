package org.mandatetracker.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.mandatetracker.gateway.GatewayProperties;
import org.mandatetracker.gateway.problem.SecurityProblems;
import org.mandatetracker.gateway.web.BodyLimitFilter;
import org.mandatetracker.gateway.web.RateLimitFilter;
import org.mandatetracker.gateway.web.InFlightLimitFilter;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Recorders may write; readers may read (GET and HEAD) and subscribe; reads are open to anyone when
 * {@code gateway.anonymous-reads} is on. Tokens carry their roles in a {@code roles} claim. Locally they are
 * HS256-signed with {@code gateway.local-jwt-secret} (see {@link LocalTokens}); in production they come from the
 * issuer configured under {@code spring.security.oauth2.resourceserver.jwt}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String RECORDER = "recorder";
    static final String READER = "reader";

    @Bean
    SecurityFilterChain api(HttpSecurity http, GatewayProperties properties, MeterRegistry meters) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> readers =
                AuthorityAuthorizationManager.hasAnyRole(READER, RECORDER);
        AuthorizationManager<RequestAuthorizationContext> reads = properties.anonymousReads()
                ? (authentication, context) -> new AuthorizationDecision(true) : readers;
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> {
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/subscriptions").access(readers)
                        .requestMatchers(HttpMethod.DELETE, "/api/subscriptions/*").access(readers)
                        // Calendar apps cannot log in: a private feed's URL holds a revocable token that
                        // report-service checks; everything else about feeds needs the reader signed in.
                        .requestMatchers(HttpMethod.GET, "/api/calendar-feeds/*/calendar.ics").permitAll()
                        .requestMatchers("/api/calendar-feeds", "/api/calendar-feeds/**").access(readers)
                        .requestMatchers(HttpMethod.GET, "/api/**").access(reads)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").access(reads)
                        .requestMatchers("/api/**").hasRole(RECORDER)
                        // Nothing else is served but the open paths above, so the rest is a 404, not a 401.
                        .anyRequest().permitAll())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim(properties.principalClaim()))))
                .addFilterAfter(new RateLimitFilter(properties), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new BodyLimitFilter(properties.limits().maxRequestSize()), AuthorizationFilter.class)
                .addFilterAfter(new InFlightLimitFilter(properties, meters), AuthorizationFilter.class);
        return http.build();
    }

    /** Decision numbers travel URL-encoded ({@code 4%2F4}); the default firewall would refuse the encoded slash. */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return SecurityProblems.rejected();
    }

    /**
     * Every token must name the expected issuer ({@code gateway.tokens.issuer}, or the identity provider's
     * issuer-uri) and the gateway's audience ({@code gateway.tokens.audience}), carry an expiry, and be within its
     * validity; a token missing any of these is refused with 401.
     */
    @Bean
    JwtDecoder jwtDecoder(GatewayProperties properties, OAuth2ResourceServerProperties resourceServer,
                          @Value("${gateway.tokens.issuer:" + LocalTokens.ISSUER + "}") String issuer,
                          @Value("${gateway.tokens.audience:" + LocalTokens.AUDIENCE + "}") String audience) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        NimbusJwtDecoder decoder;
        if (properties.localJwtSecret() != null && !properties.localJwtSecret().isBlank()) {
            decoder = NimbusJwtDecoder.withSecretKey(LocalTokens.key(properties.localJwtSecret())).build();
        } else if (jwt.getJwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        } else if (jwt.getIssuerUri() != null) {
            decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri()).build();
            issuer = jwt.getIssuerUri();
        } else {
            throw new IllegalStateException("Configure gateway.local-jwt-secret for local use, or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) for an identity provider");
        }
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience)));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Correlation-Id", "Last-Event-ID",
                "If-None-Match"));
        cors.setExposedHeaders(List.of("X-Correlation-Id", "Location", "ETag", "Link", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static JwtAuthenticationConverter rolesFromClaim(String principalClaim) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(principalClaim);
        return converter;
    }
}
