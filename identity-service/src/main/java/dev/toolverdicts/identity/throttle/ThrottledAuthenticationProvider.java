package dev.toolverdicts.identity.throttle;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the per-account limit in front of the password check: an account name in its delay or lock is refused
 * before any bcrypt runs, with the same generic answer as a wrong password (known and unknown names alike). A
 * success clears the account's count and gives the address its token back.
 */
public final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final AccountAttempts attempts;
    private final SignInLimits addresses;

    public ThrottledAuthenticationProvider(AuthenticationProvider passwords, AccountAttempts attempts,
            SignInLimits addresses) {
        this.passwords = passwords;
        this.attempts = attempts;
        this.addresses = addresses;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        if (!attempts.attempt(name).allowed()) {
            throw new LockedException("too many attempts for this account; wait and try again");
        }
        Authentication result = passwords.authenticate(authentication);
        attempts.succeeded(name);
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            addresses.signedIn(details.getRemoteAddress());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
