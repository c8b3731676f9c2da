package org.mandatetracker.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads are open to anyone (the gateway decides what an anonymous visitor may read); every page under
 * {@code /record} needs the recorder role. CSRF protection stays on for every form.
 */
@Configuration
public class SecurityConfig {

    /** The claim holding the roles, in the gateway's tokens and in the OIDC issuer's. */
    static final String ROLES = "roles";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, SecurityContextRepository contexts,
                            ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        http.securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/record/**").hasRole("recorder")
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
                // Written before the controller runs: otherwise a live feed's first send, on its own thread, commits
                // the response while the request thread writes the same headers, and the two race on one header map.
                .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/sign-in")
                    .userInfoEndpoint(user -> user.userAuthoritiesMapper(SecurityConfig::rolesClaim)));
        }
        return http.build();
    }

    /** OIDC users get the roles the issuer put in their {@code roles} claim, as the gateway reads them. */
    static Collection<? extends GrantedAuthority> rolesClaim(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                Object roles = oidc.getIdToken().getClaims().get(ROLES);
                if (roles == null && oidc.getUserInfo() != null) {
                    roles = oidc.getUserInfo().getClaims().get(ROLES);
                }
                if (roles instanceof List<?> list) {
                    list.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
        }
        return mapped;
    }
}
