package dev.toolverdicts.servicedefaults.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Gives every service that is a JWT resource server the platform's chain ({@link ResourceServerChain}); backs off for
 * an app that builds its own (the gateway, identity-service). Nothing here names a class of the chain itself, so an
 * app that backs off needs none of them on its classpath.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties",
    "org.springframework.security.web.SecurityFilterChain"})
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules) throws Exception {
        return ResourceServerChain.build(http, rules.orderedStream().toList());
    }

    /** Each distinct token is verified once while it is valid (see {@link VerifiedTokenCache} for why that is safe). */
    @Bean
    @ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.JwtDecoder")
    static BeanPostProcessor verifiedTokenCaching(Environment environment) {
        return new VerifiedTokenCaching(environment);
    }

    /**
     * Only access tokens pass (RFC 9068 {@code typ: at+jwt}): Boot adds this validator to its JWT decoder in place of
     * the default one that wants {@code typ: JWT}, so an ID token signed by the same issuer is refused. The audience
     * is checked from {@code spring.security.oauth2.resourceserver.jwt.audiences} (service-defaults.yml).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.JwtTypeValidator")
    static class AccessTokensOnly {

        @Bean
        JwtTypeValidator accessTokenType() {
            return new JwtTypeValidator("at+jwt", "application/at+jwt");
        }
    }
}
