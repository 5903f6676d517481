package dev.toolverdicts.identity.key;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the stored key to the authorization server, which signs with it and publishes it at {@code /oauth2/jwks}. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfig {

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyStore keys) {
        return new ImmutableJWKSet<>(new JWKSet(keys.signingKey()));
    }
}
