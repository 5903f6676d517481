package dev.toolverdicts.newsletter.subscription;

import dev.toolverdicts.ratelimits.ClientAddresses;
import dev.toolverdicts.ratelimits.Decision;
import dev.toolverdicts.ratelimits.Limit;
import dev.toolverdicts.ratelimits.TokenBuckets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How often the sign-up box may be used, per client address (an IPv6 client by its /64) and per target mailbox, in
 * platform/rate-limits' token buckets in the newsletter's PostgreSQL, so every instance counts together. The
 * mailbox is charged only when the address may subscribe.
 */
@Component
class SubscribeLimits {

    static final String ADDRESS = "address";
    static final String MAILBOX = "mailbox";

    private final TokenBuckets buckets;
    private final SubscriptionProperties properties;

    SubscribeLimits(TokenBuckets buckets, SubscriptionProperties properties) {
        this.buckets = buckets;
        this.properties = properties;
    }

    /** How long to wait if this sign-up is over a limit; empty if it may go ahead. */
    Optional<Duration> overLimit(String remoteAddress, String mailbox) {
        Decision address = buckets.take(ADDRESS, ClientAddresses.subject(remoteAddress), limit(properties.perAddress()));
        Decision decision = address.allowed() ? buckets.take(MAILBOX, mailbox, limit(properties.perMailbox())) : address;
        return decision.allowed() ? Optional.empty() : Optional.of(decision.retryAfter());
    }

    private static Limit limit(SubscriptionProperties.Limit limit) {
        return new Limit(limit.capacity(), limit.period());
    }
}
