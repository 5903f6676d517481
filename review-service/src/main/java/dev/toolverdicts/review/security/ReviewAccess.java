package dev.toolverdicts.review.security;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;
import static dev.toolverdicts.servicedefaults.security.Role.EDITOR;
import static dev.toolverdicts.servicedefaults.security.Role.REVIEWER;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reads are public, editors and admins manage the panel, and only reviewers write verdicts (which ones is checked
 * against the token's {@code sub} in the verdict service).
 */
@Configuration(proxyBeanMethods = false)
class ReviewAccess {

    @Bean
    AccessRules reviewAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/reviews/reviewers/me").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/reviews/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/reviews/reviewers").access(anyOf(EDITOR, ADMIN))
                .requestMatchers(HttpMethod.PUT, "/api/reviews/reviewers/*").access(anyOf(EDITOR, ADMIN))
                .requestMatchers(HttpMethod.PUT, "/api/reviews/tools/*/verdicts/mine",
                        "/api/reviews/verdicts/*").access(anyOf(REVIEWER))
                .requestMatchers(HttpMethod.DELETE, "/api/reviews/tools/*/verdicts/mine",
                        "/api/reviews/verdicts/*").access(anyOf(REVIEWER));
    }
}
