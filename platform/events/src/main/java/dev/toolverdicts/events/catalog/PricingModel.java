package dev.toolverdicts.events.catalog;

/** How a tool charges, which decides how its entry price reads ("Free", "from $20/month", "$0.50 per 1M tokens"). */
public enum PricingModel {
    FREE,
    FREEMIUM,
    PAID,
    USAGE_BASED,
    CONTACT
}
