package dev.toolverdicts.comparison.security;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Every view, list and live stream is public; rebuilds and dead-letter replay are for admins only. */
@Configuration(proxyBeanMethods = false)
class ComparisonAccess {

    @Bean
    AccessRules comparisonAccessRules() {
        return requests -> requests
                .requestMatchers("/api/comparisons/admin/**").access(anyOf(ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/comparisons/**").permitAll();
    }
}
