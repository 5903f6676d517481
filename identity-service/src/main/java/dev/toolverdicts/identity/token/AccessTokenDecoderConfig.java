package dev.toolverdicts.identity.token;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How this server reads bearer tokens sent to its own protected endpoints ({@code /userinfo}): only RFC 9068 access
 * tokens ({@code typ: at+jwt}) for the API audience, signed by one of our keys, from our issuer when one is
 * configured. Spring Security 7's default decoder accepts only {@code typ: JWT}, and an ID token must never work as a
 * bearer token here either.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfig {

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, AccessTokenProperties properties,
            @Value("${identity.issuer:}") String issuer) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtTimestampValidator(),
                new JwtTypeValidator(TokenClaims.ACCESS_TOKEN_TYPE, "application/" + TokenClaims.ACCESS_TOKEN_TYPE),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
        if (!issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
