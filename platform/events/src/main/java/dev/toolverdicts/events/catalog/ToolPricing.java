package dev.toolverdicts.events.catalog;

import java.math.BigDecimal;

/**
 * A tool's entry price: the pricing model, the lowest paid amount with its ISO 4217 currency and unit (e.g. 20 USD
 * per "month", 0.50 USD per "1M tokens"), and {@code entry}, the catalog's ready-made display read of it, so every
 * consumer shows the same text. Amount, currency and unit are absent for FREE and CONTACT.
 */
public record ToolPricing(
        PricingModel model,
        BigDecimal amount,
        String currency,
        String unit,
        String entry) {
}
