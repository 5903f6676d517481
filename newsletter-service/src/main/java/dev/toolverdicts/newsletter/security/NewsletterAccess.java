package dev.toolverdicts.newsletter.security;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;
import static dev.toolverdicts.servicedefaults.security.Role.NEWSLETTER;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Subscribing, the links in mails and the archive are public (anyone holding a signed link may use it, which RFC 8058
 * one-click requires); previewing and sending the digest need ADMIN, or NEWSLETTER for the machine client that
 * triggers it.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterAccess {

    @Bean
    AccessRules newsletterAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/newsletter/subscriptions").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/newsletter/subscriptions/confirm").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/newsletter/subscriptions/confirm").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/newsletter/subscriptions/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/newsletter/subscriptions/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/newsletter/issues", "/api/newsletter/issues/*").permitAll()
                .requestMatchers("/api/newsletter/admin/**").access(anyOf(ADMIN, NEWSLETTER));
    }
}
