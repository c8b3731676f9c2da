package org.mandatetracker.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mandatetracker.web.WebProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-in page: locally it takes a token {@code deploy/local/up} printed, checks it against the gateway's local
 * secret, and keeps it in the session (an HttpOnly, SameSite cookie names the session); in production it offers
 * the OIDC issuer's login.
 */
@Controller
public class SignInController {

    private final WebProperties properties;
    private final SecurityContextRepository contexts;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    public SignInController(WebProperties properties, SecurityContextRepository contexts,
                            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.properties = properties;
        this.contexts = contexts;
        this.registrations = registrations;
    }

    @GetMapping("/sign-in")
    String page(Model model) {
        model.addAttribute("localSignIn", properties.localSignIn());
        model.addAttribute("providers", providers());
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        if (!properties.localSignIn()) {
            return page(model);
        }
        Jwt jwt;
        try {
            jwt = decoder().decode(token.strip());
        } catch (JwtException | IllegalArgumentException rejected) {
            model.addAttribute("tokenError", true);
            return page(model);
        }
        List<String> roles = jwt.hasClaim(SecurityConfig.ROLES) ? jwt.getClaimAsStringList(SecurityConfig.ROLES)
                : List.of();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(jwt.getSubject(), roles, jwt.getTokenValue()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }

    private JwtDecoder decoder() {
        byte[] secret = properties.localJwtSecret().getBytes(StandardCharsets.UTF_8);
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    private List<ClientRegistration> providers() {
        List<ClientRegistration> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            all.forEach(registration -> providers.add((ClientRegistration) registration));
        }
        return providers;
    }
}
