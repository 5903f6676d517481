package dev.toolverdicts.identity.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Makes the registered clients in the database match the configuration at every start: inserts the missing ones,
 * updates the changed ones, keeps a stored secret hash while the configured secret still matches it, and removes
 * clients no longer configured (with their authorizations), so a dev-only client registered once never outlives the
 * dev profile. The row id is the client id, so two instances starting at once cannot register a client twice.
 */
@Component
class ClientRegistrations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistrations.class);
    private static final int MAX_SECRET_BYTES = 72;

    private final ClientProperties properties;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;

    ClientRegistrations(ClientProperties properties, RegisteredClientRepository clients,
            PasswordEncoder passwordEncoder, JdbcClient jdbc) {
        this.properties = properties;
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Map.Entry<String, ClientProperties.Client> entry : properties.clients().entrySet()) {
            register(entry.getKey(), entry.getValue());
        }
        removeUnconfigured();
    }

    private void removeUnconfigured() {
        List<String> stale = jdbc.sql("select id, client_id from oauth2_registered_client")
                .query((rs, row) -> new String[] {rs.getString("id"), rs.getString("client_id")}).list().stream()
                .filter(client -> !properties.clients().containsKey(client[1]))
                .map(client -> {
                    jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(client[0])
                            .update();
                    jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?")
                            .param(client[0]).update();
                    jdbc.sql("delete from oauth2_registered_client where id = ?").param(client[0]).update();
                    return client[1];
                }).toList();
        if (!stale.isEmpty()) {
            log.info("Removed OAuth2 clients no longer configured: {}", stale);
        }
    }

    void register(String clientId, ClientProperties.Client config) {
        RegisteredClient existing = clients.findByClientId(clientId);
        RegisteredClient wanted = toRegisteredClient(clientId, config, existing);
        try {
            clients.save(wanted);
        } catch (DuplicateKeyException registeredConcurrently) {
            clients.save(toRegisteredClient(clientId, config, clients.findByClientId(clientId)));
        }
        log.info("Registered OAuth2 client {} ({})", clientId, config.grantTypes());
    }

    private RegisteredClient toRegisteredClient(String clientId, ClientProperties.Client config,
            RegisteredClient existing) {
        if (config.grantTypes() == null || config.grantTypes().isEmpty()) {
            throw new IllegalStateException("identity.clients." + clientId + ".grant-types is required");
        }
        RegisteredClient.Builder builder = RegisteredClient.withId(existing != null ? existing.getId() : clientId)
                .clientId(clientId)
                .clientName(clientId);
        if (existing != null) {
            builder.clientIdIssuedAt(existing.getClientIdIssuedAt());
        }
        boolean usesCode = config.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
        if (config.publicClient()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            if (config.secret() == null || config.secret().isBlank()) {
                throw new IllegalStateException("identity.clients." + clientId
                        + ".secret is required for a confidential client (or set public-client: true)");
            }
            if (config.secret().getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
                throw new IllegalStateException("identity.clients." + clientId + ".secret is longer than "
                        + MAX_SECRET_BYTES + " bytes, more than bcrypt reads");
            }
            builder.clientSecret(secretHash(config.secret(), existing))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        config.grantTypes().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        config.redirectUris().forEach(builder::redirectUri);
        config.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        config.scopes().forEach(builder::scope);
        return builder
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(usesCode)
                        .requireAuthorizationConsent(false)
                        .setting(ClientRoles.SETTING, ClientRoles.toSetting(config.roles()))
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(config.accessTokenTtl())
                        .refreshTokenTimeToLive(config.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    private String secretHash(String secret, RegisteredClient existing) {
        if (existing != null && existing.getClientSecret() != null
                && passwordEncoder.matches(secret, existing.getClientSecret())) {
            return existing.getClientSecret();
        }
        return passwordEncoder.encode(secret);
    }
}
