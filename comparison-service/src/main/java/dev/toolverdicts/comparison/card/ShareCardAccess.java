package dev.toolverdicts.comparison.card;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Share cards are fetched by social sites' crawlers, without a token. */
@Configuration(proxyBeanMethods = false)
class ShareCardAccess {

    @Bean
    AccessRules shareCardAccessRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/cards/**").permitAll();
    }
}
