package org.mandatetracker.gateway.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints the HS256 tokens the gateway accepts in local use. The launcher runs it to print ready-made tokens:
 * {@code GATEWAY_LOCAL_JWT_SECRET=... java -cp gateway.jar -Dloader.main=org.mandatetracker.gateway.security.LocalTokens
 * org.springframework.boot.loader.launch.PropertiesLauncher recorder alice}.
 */
public final class LocalTokens {

    /** The issuer and audience of local tokens, and the gateway's defaults for both. */
    public static final String ISSUER = "mandate-tracker-local";
    public static final String AUDIENCE = "mandate-tracker";

    private LocalTokens() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: LocalTokens <recorder|reader> <name> (secret in GATEWAY_LOCAL_JWT_SECRET)");
            System.exit(2);
        }
        System.out.println(mint(System.getenv("GATEWAY_LOCAL_JWT_SECRET"), args[1], args[0], Duration.ofDays(30)));
    }

    public static String mint(String secret, String subject, String role, Duration validFor) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).audience(List.of(AUDIENCE)).subject(subject)
                .issuedAt(now).expiresAt(now.plus(validFor)).claim("roles", List.of(role)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key(secret))).encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    static SecretKey key(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("The local JWT secret needs at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
