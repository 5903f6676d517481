package dev.toolverdicts.identity.token;

import java.util.ArrayList;
import dev.toolverdicts.identity.client.ClientRoles;
import dev.toolverdicts.identity.key.SigningKeys;
import dev.toolverdicts.identity.user.UserAccount;
import dev.toolverdicts.identity.user.UserRepository;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the platform's claims into access and ID tokens: for a person {@code sub} = user id, {@code name},
 * {@code email}, read fresh from the database (so a refresh picks up role changes); for a client_credentials token
 * {@code sub} = client id. Only access tokens carry {@code roles}, the API audience, {@code client_id}, the header
 * {@code typ: at+jwt} (RFC 9068) and, for people, {@code account_created_at}: an ID token grants nothing anywhere.
 */
@Component
class PlatformClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserRepository users;
    private final AccessTokenProperties properties;
    private final SigningKeys keys;

    PlatformClaimsCustomizer(UserRepository users, AccessTokenProperties properties, SigningKeys keys) {
        this.users = users;
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        // names the one key to sign with: the previous key is published too, and would match as well
        context.getJwsHeader().keyId(keys.currentKeyId());
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        String clientId = context.getRegisteredClient().getClientId();
        if (accessToken) {
            context.getJwsHeader().type(TokenClaims.ACCESS_TOKEN_TYPE);
            // plain ArrayLists: the stored authorization is read back with Jackson's allow-list, which refuses JDK-internal list types
            claims.audience(new ArrayList<>(List.of(properties.audience())));
            claims.claim(TokenClaims.CLIENT_ID, clientId);
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.subject(clientId);
            claims.claim(TokenClaims.ROLES, new ArrayList<>(ClientRoles.of(context.getRegisteredClient())));
            return;
        }
        UserAccount user = currentUser(context.getPrincipal().getName());
        claims.subject(user.id().toString());
        claims.claim(TokenClaims.NAME, user.displayName());
        claims.claim(TokenClaims.EMAIL, user.email());
        if (accessToken) {
            claims.claim(TokenClaims.ROLES, new ArrayList<>(user.roleNames()));
            if (user.createdAt() != null) {
                // ISO-8601 text: the stored authorization's Jackson allow-list refuses a Long claim (userinfo fails)
                claims.claim(TokenClaims.ACCOUNT_CREATED_AT, user.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
        }
    }

    private UserAccount currentUser(String principalName) {
        try {
            return users.findById(UUID.fromString(principalName)).filter(UserAccount::verified)
                    .orElseThrow(() -> invalidGrant("the user no longer exists"));
        } catch (IllegalArgumentException notAUserId) {
            throw invalidGrant("the principal is not a user");
        }
    }

    private static OAuth2AuthenticationException invalidGrant(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
    }
}
