package dev.toolverdicts.gateway.security;

import dev.toolverdicts.gateway.upstream.ServiceUris;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The gateway as the identity service's confidential OIDC client, with PKCE. Endpoints are spelled out (Spring
 * Authorization Server's defaults) instead of discovered, so the gateway starts without the identity service:
 * the browser is sent to the public issuer, while token, JWK set and userinfo calls use the internal address.
 */
@Configuration(proxyBeanMethods = false)
class IdentityClientRegistration {

    static final String REGISTRATION_ID = "identity";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(ServiceUris services,
            @Value("${gateway.oauth2.client-id:gateway}") String clientId,
            @Value("${gateway.oauth2.client-secret:}") String clientSecret) {
        String issuer = trimSlash(services.identity().issuer().toString());
        String internal = trimSlash(services.identity().uri().toString());
        ClientRegistration identity = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Tool Verdicts")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(internal + "/oauth2/token")
                .jwkSetUri(internal + "/oauth2/jwks")
                .userInfoUri(internal + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(identity);
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
