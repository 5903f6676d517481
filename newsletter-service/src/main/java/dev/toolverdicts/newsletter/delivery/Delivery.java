package dev.toolverdicts.newsletter.delivery;

import java.util.UUID;

/** One claimed delivery: the subscriber, the address the issue goes to. */
record Delivery(UUID subscriberId, String email) {
}
