package org.mandatetracker.gateway.security;

import org.mandatetracker.gateway.GatewayProperties;
import org.mandatetracker.gateway.problem.SecurityProblems;
import org.mandatetracker.gateway.web.RateLimitFilter;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Recorders may write; readers may read and subscribe; reads are open to anyone when {@code gateway.anonymous-reads}
 * is on. Tokens carry their roles in a {@code roles} claim. Locally they are HS256-signed with
 * {@code gateway.local-jwt-secret} (see {@link LocalTokens}); in production they come from the issuer configured
 * under {@code spring.security.oauth2.resourceserver.jwt}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String RECORDER = "recorder";
    static final String READER = "reader";

    @Bean
    SecurityFilterChain api(HttpSecurity http, GatewayProperties properties) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> readers =
                AuthorityAuthorizationManager.hasAnyRole(READER, RECORDER);
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> {
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/subscriptions").access(readers)
                        // Calendar apps cannot log in: a private feed's URL holds a revocable token that
                        // report-service checks; everything else about feeds needs the reader signed in.
                        .requestMatchers(HttpMethod.GET, "/api/calendar-feeds/*/calendar.ics").permitAll()
                        .requestMatchers("/api/calendar-feeds", "/api/calendar-feeds/**").access(readers)
                        .requestMatchers(HttpMethod.GET, "/api/**").access(properties.anonymousReads()
                                ? (authentication, context) -> new AuthorizationDecision(true) : readers)
                        .requestMatchers("/api/**").hasRole(RECORDER)
                        // Nothing else is served but the open paths above, so the rest is a 404, not a 401.
                        .anyRequest().permitAll())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(SecurityProblems.unauthorized())
                        .accessDeniedHandler(SecurityProblems.forbidden())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim(properties.principalClaim()))))
                .addFilterAfter(new RateLimitFilter(properties), BearerTokenAuthenticationFilter.class);
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

    @Bean
    JwtDecoder jwtDecoder(GatewayProperties properties, OAuth2ResourceServerProperties resourceServer) {
        if (properties.localJwtSecret() != null && !properties.localJwtSecret().isBlank()) {
            return NimbusJwtDecoder.withSecretKey(LocalTokens.key(properties.localJwtSecret())).build();
        }
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        if (jwt.getJwkSetUri() != null) {
            return NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        }
        if (jwt.getIssuerUri() == null) {
            throw new IllegalStateException("Configure gateway.local-jwt-secret for local use, or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) for an identity provider");
        }
        return NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri()).build();
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
