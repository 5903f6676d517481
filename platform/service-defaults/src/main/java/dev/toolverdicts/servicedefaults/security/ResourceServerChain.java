package dev.toolverdicts.servicedefaults.security;

import dev.toolverdicts.problem.ProblemJsonSecurityErrors;
import java.util.List;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security of every service that is a JWT resource server, in one place: stateless, no CSRF (no cookies), bearer
 * tokens checked against identity-service's keys (settings in {@code service-defaults.yml}), 401 and 403 as
 * problem+json, health and metrics open, then the service's {@link AccessRules}, then everything else denied.
 */
final class ResourceServerChain {

    static final String[] OPEN_OPERATIONS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"};

    private ResourceServerChain() {
    }

    static SecurityFilterChain build(HttpSecurity http, List<AccessRules> rules) throws Exception {
        var errors = new ProblemJsonSecurityErrors();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_OPERATIONS).permitAll();
                    rules.forEach(rule -> rule.authorize(requests));
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
