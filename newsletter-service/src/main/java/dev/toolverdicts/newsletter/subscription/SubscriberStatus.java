package dev.toolverdicts.newsletter.subscription;

/** Double opt-in: an address gets the digest only once CONFIRMED, and stops as soon as it is UNSUBSCRIBED. */
public enum SubscriberStatus {
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED
}
