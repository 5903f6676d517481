package dev.toolverdicts.review.security;

import dev.toolverdicts.problem.ProblemJsonSecurityErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service is a stateless JWT resource server: reads are public, editors and admins manage the panel, and
 * only reviewers write verdicts (which ones is checked against the token's {@code sub} in the verdict service).
 */
@Configuration(proxyBeanMethods = false)
class ResourceServerSecurity {

    private static final String EDITOR = "EDITOR";
    private static final String ADMIN = "ADMIN";
    private static final String REVIEWER = "REVIEWER";

    @Bean
    SecurityFilterChain reviewSecurity(HttpSecurity http) throws Exception {
        var errors = new ProblemJsonSecurityErrors();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/reviews/reviewers/me").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/reviews/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/reviews/reviewers").hasAnyRole(EDITOR, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/reviews/reviewers/*").hasAnyRole(EDITOR, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/reviews/tools/*/verdicts/mine",
                                "/api/reviews/verdicts/*").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.DELETE, "/api/reviews/tools/*/verdicts/mine",
                                "/api/reviews/verdicts/*").hasRole(REVIEWER)
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
