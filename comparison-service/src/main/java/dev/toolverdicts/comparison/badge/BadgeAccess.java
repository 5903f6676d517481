package dev.toolverdicts.comparison.badge;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Badges are embedded on any site, by anyone: readable without a token. */
@Configuration(proxyBeanMethods = false)
class BadgeAccess {

    @Bean
    AccessRules badgeAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/badges/**").permitAll();
    }
}
