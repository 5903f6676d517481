package dev.toolverdicts.catalog.security;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;
import static dev.toolverdicts.servicedefaults.security.Role.EDITOR;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import dev.toolverdicts.servicedefaults.security.Role;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

/** Who may do what in the catalog: reads (and the API docs) are public; editors and admins curate, and see drafts. */
@Configuration(proxyBeanMethods = false)
public class CatalogAccess {

    private static final Set<String> CURATORS = Stream.of(EDITOR, ADMIN).map(Role::authority)
            .collect(Collectors.toUnmodifiableSet());

    @Bean
    AccessRules catalogAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/catalog/tools/**", "/api/catalog/matchups/**")
                .access(anyOf(EDITOR, ADMIN))
                .requestMatchers(HttpMethod.PUT, "/api/catalog/tools/*", "/api/catalog/matchups/*")
                .access(anyOf(EDITOR, ADMIN));
    }

    /** Whether the caller (possibly anonymous: {@code null}) may see and change drafts. */
    public static boolean curates(Authentication caller) {
        return caller != null && caller.isAuthenticated()
                && caller.getAuthorities().stream().anyMatch(a -> CURATORS.contains(a.getAuthority()));
    }
}
