package dev.toolverdicts.identity.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords and client secrets are hashed and checked.
 * <p>
 * Spring's delegating encoder stores the algorithm with each hash ({@code {bcrypt}...}), so the default can move
 * (e.g. to argon2) without invalidating stored hashes, and {@link AccountUserDetailsService#updatePassword} rehashes
 * on the next sign-in. bcrypt (cost 10, ~70 ms here) is the default: it needs no native or BouncyCastle dependency,
 * and argon2's memory hardness would cost real RAM per login on a 2-core box. Account status (an unconfirmed
 * address) is checked only after the password matched, so a wrong password never reveals that an address exists.
 * A password over bcrypt's 72 bytes is a wrong password at sign-in (registration refuses it with a message), never a
 * 500 from bcrypt's own check. The per-account and per-address sign-in limits wrap this check (identity.throttle).
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BcryptLengthBound(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    PasswordCheck passwordCheck(AccountUserDetailsService users, PasswordEncoder passwordEncoder) {
        return new PasswordCheck(daoCheck(users, passwordEncoder));
    }

    /** The password check of members' accounts; not itself an AuthenticationProvider bean, so others can wrap it. */
    public record PasswordCheck(AuthenticationProvider provider) {
    }

    private static DaoAuthenticationProvider daoCheck(AccountUserDetailsService users,
            PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setUserDetailsPasswordService(users);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }
}
