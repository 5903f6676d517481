package dev.toolverdicts.identity.login;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import dev.toolverdicts.identity.throttle.LoginThrottleFilter;
import dev.toolverdicts.identity.throttle.SignInLimits;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Everything that is not a protocol endpoint: the login, registration and verification pages (open), the JSON
 * registration API (open, no CSRF: it uses no cookies), health and metrics, and the signed-in landing page. Posted
 * login forms pass the per-address sign-in limit first ({@link LoginThrottleFilter}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    static final String[] OPEN_PAGES = {"/login", LoginThrottleFilter.THROTTLED_PATH, "/register", "/register/sent",
        "/verify", "/css/**", "/favicon.ico", "/error"};

    @Bean
    @Order(2)
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http, SignInLimits limits) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(limits), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(OPEN_PAGES).permitAll()
                        .requestMatchers("/api/identity/registrations").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/identity/openapi", "/api/identity/openapi.yaml").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/identity/**"));
        return http.build();
    }
}
