package dev.toolverdicts.newsletter.security;

import dev.toolverdicts.problem.ProblemJsonSecurityErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A stateless JWT resource server: subscribing, the links in mails and the archive are public (anyone holding a
 * signed link may use it, which RFC 8058 one-click requires); previewing and sending the digest need ADMIN, or
 * NEWSLETTER for the machine client that triggers it.
 */
@Configuration(proxyBeanMethods = false)
class ResourceServerSecurity {

    @Bean
    SecurityFilterChain newsletterSecurity(HttpSecurity http) throws Exception {
        var errors = new ProblemJsonSecurityErrors();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/newsletter/subscriptions").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/newsletter/subscriptions/confirm").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/newsletter/subscriptions/confirm").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/newsletter/subscriptions/unsubscribe").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/newsletter/subscriptions/unsubscribe").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/newsletter/issues", "/api/newsletter/issues/*")
                        .permitAll()
                        .requestMatchers("/api/newsletter/admin/**").hasAnyRole("ADMIN", "NEWSLETTER")
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
