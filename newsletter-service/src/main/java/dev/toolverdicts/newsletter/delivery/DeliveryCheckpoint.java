package dev.toolverdicts.newsletter.delivery;

/**
 * Called after each delivery is recorded as sent. Production has none; tests use it to stop a run after N mails,
 * as a crash would, and check that the next run sends exactly the rest.
 */
@FunctionalInterface
public interface DeliveryCheckpoint {

    void sent(String email);
}
