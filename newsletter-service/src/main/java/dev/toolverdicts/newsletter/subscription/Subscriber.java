package dev.toolverdicts.newsletter.subscription;

import java.time.Instant;
import java.util.UUID;

/** One address and where it stands in the opt-in. */
record Subscriber(UUID id, String email, SubscriberStatus status, Instant confirmationSentAt) {
}
