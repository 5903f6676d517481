package dev.toolverdicts.servicedefaults.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** An app with a chain of its own (the gateway, identity-service) keeps it; the platform's chain steps aside. */
class ResourceServerBackOffTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks");

    @Test
    void aResourceServerGetsThePlatformsChain() {
        runner.run(context -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
                .containsOnlyKeys("resourceServerSecurity"));
    }

    @Test
    void anAppWithItsOwnChainKeepsOnlyThat() {
        runner.withUserConfiguration(OwnChain.class).run(context -> assertThat(
                context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ownChain"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }
}
