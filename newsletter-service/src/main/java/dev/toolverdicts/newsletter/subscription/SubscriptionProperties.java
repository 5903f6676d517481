package dev.toolverdicts.newsletter.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-up.
 *
 * @param resendConfirmationAfter a pending address gets another confirmation mail only after this long, so the
 *        sign-up box cannot be used to flood someone's inbox
 */
@ConfigurationProperties("newsletter.subscription")
record SubscriptionProperties(@DefaultValue("10m") Duration resendConfirmationAfter) {
}
