package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.PricingModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The "Entry" read of a price that every page shows: "Free", "from $20/month", "$0.50 per 1M tokens". Made once
 * here and carried in events, so no consumer formats prices its own way.
 */
final class EntryPrice {

    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£");

    private EntryPrice() {
    }

    static String of(PricingModel model, BigDecimal amount, String currency, String unit) {
        return switch (model) {
            case FREE -> "Free";
            case CONTACT -> "Contact sales";
            case PAID -> "from " + money(amount, currency) + "/" + unit;
            case USAGE_BASED -> money(amount, currency) + " per " + unit;
            case FREEMIUM -> amount == null ? "Free tier" : "Free; paid from " + money(amount, currency) + "/" + unit;
        };
    }

    /** Whole amounts without decimals ($20), others with at least two ($0.50, $0.002). */
    static String money(BigDecimal amount, String currency) {
        BigDecimal plain = amount.stripTrailingZeros();
        String digits = plain.scale() <= 0
                ? plain.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : plain.setScale(Math.max(2, plain.scale()), RoundingMode.UNNECESSARY).toPlainString();
        String symbol = SYMBOLS.get(currency);
        return symbol != null ? symbol + digits : digits + " " + currency;
    }
}
