package dev.toolverdicts.servicedefaults.security;

import java.util.Arrays;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a service contributes to the platform's resource-server chain: its own request rules, nothing else. The chain
 * permits health, info, metrics and {@code /error} before them and denies every request they do not list after
 * them, so a new endpoint is closed until a rule opens it.
 */
@FunctionalInterface
public interface AccessRules {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

    /** Allows a caller holding at least one of these roles, e.g. {@code .access(anyOf(EDITOR, ADMIN))}. */
    static AuthorizationManager<RequestAuthorizationContext> anyOf(Role... roles) {
        return AuthorityAuthorizationManager.hasAnyAuthority(
                Arrays.stream(roles).map(Role::authority).toArray(String[]::new));
    }
}
