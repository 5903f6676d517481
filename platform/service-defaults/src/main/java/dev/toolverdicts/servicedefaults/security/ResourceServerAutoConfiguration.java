package dev.toolverdicts.servicedefaults.security;

import dev.toolverdicts.problem.ProblemJsonSecurityErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security of every service that is a JWT resource server, in one place: stateless, no CSRF (no cookies), bearer
 * tokens checked against identity-service's keys (settings in {@code service-defaults.yml}), 401 and 403 as
 * problem+json, health and metrics open, then the service's {@link AccessRules}, then everything else denied.
 * Backs off for an app that builds its own chain (the gateway, identity-service).
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

    static final String[] OPEN_OPERATIONS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules) throws Exception {
        var errors = new ProblemJsonSecurityErrors();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_OPERATIONS).permitAll();
                    rules.orderedStream().forEach(rule -> rule.authorize(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors));
        return http.build();
    }
}
