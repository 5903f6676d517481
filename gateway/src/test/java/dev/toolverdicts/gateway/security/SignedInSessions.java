package dev.toolverdicts.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/** Writes what a completed OIDC login leaves in a gateway session straight into the shared session store. */
final class SignedInSessions {

    private SignedInSessions() {
    }

    /** A session for {@code subject} holding these tokens; answers the session cookie's value (base64 session id). */
    static String store(SessionRepository<?> sessions, ClientRegistrationRepository registrations, String subject,
            String accessToken, String idTokenValue) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue(idTokenValue).subject(subject)
                .issuer("http://localhost:9000").issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)))
                .claim("name", subject).build();
        var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(
                new DefaultOidcUser(authorities, idToken), authorities, "identity");
        OAuth2AuthorizedClient authorizedClient = new OAuth2AuthorizedClient(
                registrations.findByRegistrationId("identity"), subject,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
                        now.plus(Duration.ofHours(1))),
                new OAuth2RefreshToken("refresh-" + subject, now));
        Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
        clients.put("identity", authorizedClient);

        String id = save(sessions, Map.of(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(authentication),
                HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS", clients));
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static <S extends Session> String save(SessionRepository<S> repository, Map<String, Object> attributes) {
        S session = repository.createSession();
        attributes.forEach(session::setAttribute);
        repository.save(session);
        return session.getId();
    }
}
