package dev.toolverdicts.vote;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;
import static dev.toolverdicts.servicedefaults.security.Role.MEMBER;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Anyone reads tallies, members vote, admins resolve flags; anything not listed here stays closed. */
@Configuration(proxyBeanMethods = false)
class VoteAccess {

    @Bean
    AccessRules voteAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/votes/tools/*/tally").permitAll()
                .requestMatchers("/api/votes/admin/**").access(anyOf(ADMIN))
                .requestMatchers("/api/votes/tools/*/mine").access(anyOf(MEMBER));
    }
}
