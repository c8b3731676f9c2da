package org.mandatetracker.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/** The person signed in on the current request, if any, and the token to call the API with for them. */
@Component
public class SignedIn {

    private final ObjectProvider<OAuth2AuthorizedClientService> clients;

    public SignedIn(ObjectProvider<OAuth2AuthorizedClientService> clients) {
        this.clients = clients;
    }

    public String token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TokenAuthentication signedIn) {
            return signedIn.token();
        }
        if (authentication instanceof OAuth2AuthenticationToken login) {
            OAuth2AuthorizedClientService service = clients.getIfAvailable();
            OAuth2AuthorizedClient client = service == null ? null : service.loadAuthorizedClient(
                    login.getAuthorizedClientRegistrationId(), login.getName());
            return client == null ? null : client.getAccessToken().getTokenValue();
        }
        return null;
    }

    public static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
