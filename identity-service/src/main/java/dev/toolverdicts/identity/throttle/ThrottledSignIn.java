package dev.toolverdicts.identity.throttle;

import dev.toolverdicts.identity.user.PasswordHashing.PasswordCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;

/** Members sign in through the password check wrapped in the per-account and per-address limits. */
@Configuration(proxyBeanMethods = false)
class ThrottledSignIn {

    @Bean
    AuthenticationProvider accountAuthenticationProvider(PasswordCheck passwordCheck, AccountAttempts attempts,
            SignInLimits limits) {
        return new ThrottledAuthenticationProvider(passwordCheck.provider(), attempts, limits);
    }
}
