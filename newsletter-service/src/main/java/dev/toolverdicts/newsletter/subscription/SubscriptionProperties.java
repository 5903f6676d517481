package dev.toolverdicts.newsletter.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-up.
 *
 * @param resendConfirmationAfter a pending address gets another confirmation mail only after this long, so the
 *        sign-up box cannot be used to flood someone's inbox
 * @param perAddress sign-ups one client address may make (a token bucket refilled over the period)
 * @param perMailbox sign-ups for one target mailbox, whoever makes them
 */
@ConfigurationProperties("newsletter.subscription")
record SubscriptionProperties(
        @DefaultValue("10m") Duration resendConfirmationAfter,
        Limit perAddress,
        Limit perMailbox) {

    SubscriptionProperties {
        perAddress = perAddress != null ? perAddress : new Limit(10, Duration.ofHours(1));
        perMailbox = perMailbox != null ? perMailbox : new Limit(5, Duration.ofDays(1));
    }

    /** A token bucket: {@code capacity} sign-ups at once, refilled evenly to full over {@code period}. */
    record Limit(int capacity, Duration period) {

        Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a sign-up limit needs a capacity of at least 1 and a period");
            }
        }
    }
}
