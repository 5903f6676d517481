package dev.toolverdicts.identity.throttle;

import dev.toolverdicts.ratelimits.ClientAddresses;
import dev.toolverdicts.ratelimits.Decision;
import dev.toolverdicts.ratelimits.TokenBuckets;
import org.springframework.stereotype.Component;

/**
 * The per-address limits of the public pages: sign-in attempts (a successful one gives its token back, so only
 * failures use the bucket up) and registrations, plus registration mails per target mailbox. The buckets are
 * platform/rate-limits' shared ones in identity's PostgreSQL, so every identity instance counts together.
 */
@Component
public class SignInLimits {

    static final String LOGIN = "login-address";
    static final String REGISTRATION = "registration-address";
    static final String MAILBOX = "registration-mailbox";

    private final TokenBuckets buckets;
    private final ThrottleProperties properties;

    SignInLimits(TokenBuckets buckets, ThrottleProperties properties) {
        this.buckets = buckets;
        this.properties = properties;
    }

    public Decision signInAttempt(String remoteAddress) {
        return buckets.take(LOGIN, ClientAddresses.subject(remoteAddress), properties.loginPerAddressLimit());
    }

    void signedIn(String remoteAddress) {
        buckets.giveBack(LOGIN, ClientAddresses.subject(remoteAddress), properties.loginPerAddressLimit());
    }

    /** One registration from this address to this (normalized) mailbox; the mailbox is only charged if the address may. */
    public Decision registration(String remoteAddress, String mailbox) {
        Decision address = buckets.take(REGISTRATION, ClientAddresses.subject(remoteAddress),
                properties.registrationPerAddressLimit());
        if (!address.allowed()) {
            return address;
        }
        return buckets.take(MAILBOX, mailbox, properties.registrationPerMailboxLimit());
    }
}
