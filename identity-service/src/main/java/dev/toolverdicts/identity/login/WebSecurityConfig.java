package dev.toolverdicts.identity.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything that is not a protocol endpoint: the login, registration and verification pages (open), the JSON
 * registration API (open, no CSRF: it uses no cookies), health and metrics, and the signed-in landing page.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    static final String[] OPEN_PAGES = {"/login", "/register", "/register/sent", "/verify", "/css/**",
        "/favicon.ico", "/error"};

    @Bean
    @Order(2)
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(OPEN_PAGES).permitAll()
                        .requestMatchers("/api/identity/registrations").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/identity/**"));
        return http.build();
    }
}
