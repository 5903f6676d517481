package dev.toolverdicts.catalog.security;

import dev.toolverdicts.problem.ProblemJsonSecurityErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The catalog is a stateless JWT resource server: reads (and the API docs) are public, editors and admins write. */
@Configuration(proxyBeanMethods = false)
class ResourceServerSecurity {

    @Bean
    SecurityFilterChain catalogSecurity(HttpSecurity http) throws Exception {
        var errors = new ProblemJsonSecurityErrors();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/catalog/tools/**", "/api/catalog/matchups/**")
                        .hasAnyRole(CatalogRoles.EDITOR, CatalogRoles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/catalog/tools/*", "/api/catalog/matchups/*")
                        .hasAnyRole(CatalogRoles.EDITOR, CatalogRoles.ADMIN)
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
