package dev.toolverdicts.identity;

import java.util.Collection;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What every resource server is to check on our access tokens (RFC 9068): signature by a key of the issuer's JWK
 * set, expiry, issuer, audience {@code toolverdicts-api} and header {@code typ: at+jwt}, for tokens of any client.
 */
public final class ResourceServers {

    public static final String API_AUDIENCE = "toolverdicts-api";

    private ResourceServers() {
    }

    public static NimbusJwtDecoder decoder(String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer), new JwtTypeValidator("at+jwt", "application/at+jwt"),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(API_AUDIENCE))));
        return decoder;
    }
}
