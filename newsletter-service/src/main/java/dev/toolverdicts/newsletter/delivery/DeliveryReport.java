package dev.toolverdicts.newsletter.delivery;

/** Where the deliveries of one issue stand; {@code open} counts rows still to be sent (or claimed by a live run). */
public record DeliveryReport(int recipients, int sent, int failed, int skipped, int inDoubt, int open) {
}
