package dev.toolverdicts.comparison.security;

import dev.toolverdicts.problem.ProblemJsonSecurityErrors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service is a stateless JWT resource server: every view, list and live stream is public; rebuilds and dead-letter
 * replay are for ADMINs only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResourceServerSecurity {

    private static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain comparisonSecurity(HttpSecurity http) throws Exception {
        var errors = new ProblemJsonSecurityErrors();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/comparisons/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/comparisons/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors));
        return http.build();
    }
}
