package dev.toolverdicts.comparison.atom;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Feed readers poll without a token. */
@Configuration(proxyBeanMethods = false)
class FeedAccess {

    @Bean
    AccessRules feedAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/feeds/**").permitAll();
    }
}
