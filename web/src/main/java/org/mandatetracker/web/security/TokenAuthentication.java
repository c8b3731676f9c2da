package org.mandatetracker.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** Signed in with a token the gateway accepts; the token travels with every call made for this person. */
public class TokenAuthentication extends AbstractAuthenticationToken {

    private final String subject;
    private final String token;

    public TokenAuthentication(String subject, List<String> roles, String token) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.subject = subject;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return subject;
    }

    public String token() {
        return token;
    }
}
