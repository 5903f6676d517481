package dev.toolverdicts.identity.client;

import dev.toolverdicts.servicedefaults.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OAuth2 clients this server knows, keyed by client id ({@code identity.clients.<id>.*}); registered at startup.
 */
@ConfigurationProperties("identity")
public record ClientProperties(Map<String, Client> clients) {

    public ClientProperties {
        clients = clients == null ? Map.of() : clients;
    }

    /**
     * One client. A confidential client needs a {@code secret}; a {@code public-client} (a CLI, a SPA) has none and
     * must use PKCE. {@code roles} (the platform's {@link Role} names) go into the {@code roles} claim of its client_credentials tokens.
     */
    public record Client(
            String secret,
            @DefaultValue("false") boolean publicClient,
            Set<String> grantTypes,
            @DefaultValue Set<String> redirectUris,
            @DefaultValue Set<String> postLogoutRedirectUris,
            @DefaultValue Set<String> scopes,
            @DefaultValue List<Role> roles,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("12h") Duration refreshTokenTtl) {
    }
}
