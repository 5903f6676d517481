package dev.toolverdicts.identity.throttle;

import dev.toolverdicts.ratelimits.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits on what the public door of identity can be made to do ({@code identity.throttle.*}). Per address
 * (the client's IP, an IPv6 client's /64): sign-in attempts and registrations. Per target mailbox: registration
 * mails. Per account name: the progressive delay after {@code free-failures} failures (doubling, up to
 * {@code max-delay}) and the lock for {@code lock-for} after {@code lock-after} failures within {@code window}.
 */
@ConfigurationProperties("identity.throttle")
public record ThrottleProperties(
        @DefaultValue Buckets loginPerAddress,
        @DefaultValue Buckets registrationPerAddress,
        @DefaultValue Buckets registrationPerMailbox,
        @DefaultValue Account account) {

    /** A bucket's capacity and the period over which it refills. */
    public record Buckets(@DefaultValue("0") int capacity, Duration period) {
    }

    public record Account(
            @DefaultValue("3") int freeFailures,
            @DefaultValue("60s") Duration maxDelay,
            @DefaultValue("10") int lockAfter,
            @DefaultValue("15m") Duration lockFor,
            @DefaultValue("1h") Duration window) {
    }

    Limit loginPerAddressLimit() {
        return limit(loginPerAddress, 20, Duration.ofMinutes(10));
    }

    Limit registrationPerAddressLimit() {
        return limit(registrationPerAddress, 20, Duration.ofHours(1));
    }

    Limit registrationPerMailboxLimit() {
        return limit(registrationPerMailbox, 3, Duration.ofHours(1));
    }

    private static Limit limit(Buckets configured, int capacity, Duration period) {
        return new Limit(configured.capacity() > 0 ? configured.capacity() : capacity,
                configured.period() != null ? configured.period() : period);
    }
}
