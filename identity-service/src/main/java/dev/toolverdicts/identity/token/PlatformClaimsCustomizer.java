package dev.toolverdicts.identity.token;

import java.util.ArrayList;
import dev.toolverdicts.identity.client.ClientRoles;
import dev.toolverdicts.identity.user.UserAccount;
import dev.toolverdicts.identity.user.UserRepository;
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
 * Puts the platform's claims into access and ID tokens: for a person {@code sub} = user id, {@code roles},
 * {@code name}, {@code email}, read fresh from the database (so a refresh picks up role changes); for a
 * client_credentials token {@code sub} = client id and {@code roles} = the client's configured roles.
 */
@Component
class PlatformClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserRepository users;

    PlatformClaimsCustomizer(UserRepository users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.subject(context.getRegisteredClient().getClientId());
            claims.claim(TokenClaims.ROLES, ClientRoles.of(context.getRegisteredClient()));
            return;
        }
        UserAccount user = currentUser(context.getPrincipal().getName());
        claims.subject(user.id().toString());
        // a plain ArrayList: the stored authorization is read back with Jackson's allow-list, which refuses JDK-internal list types
        claims.claim(TokenClaims.ROLES, new ArrayList<>(user.roleNames()));
        claims.claim(TokenClaims.NAME, user.displayName());
        claims.claim(TokenClaims.EMAIL, user.email());
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
