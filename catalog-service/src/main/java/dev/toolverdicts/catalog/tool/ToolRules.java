package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.PricingModel;
import dev.toolverdicts.problem.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The checks of a tool request that annotations cannot express (which price parts a pricing model needs, known
 * currencies, real calendar dates, no repeated facts), done before anything is written; each failure is a 400
 * naming the field.
 */
final class ToolRules {

    private ToolRules() {
    }

    static void check(ToolRequest request) {
        PricingInput pricing = request.pricing();
        PricingModel model = pricing.model();
        boolean hasAmount = pricing.amount() != null;
        boolean hasCurrency = pricing.currency() != null;
        boolean hasUnit = pricing.unit() != null && !pricing.unit().isBlank();
        switch (model) {
            case FREE, CONTACT -> {
                if (hasAmount || hasCurrency || hasUnit) {
                    throw bad(hasAmount ? "pricing.amount" : hasCurrency ? "pricing.currency" : "pricing.unit",
                            "must be left out when the pricing model is " + model);
                }
            }
            case PAID, USAGE_BASED -> requireAll(model, hasAmount, hasCurrency, hasUnit);
            case FREEMIUM -> {
                if (hasAmount || hasCurrency || hasUnit) {
                    requireAll(model, hasAmount, hasCurrency, hasUnit);
                }
            }
        }
        if (hasCurrency && Currency.getAvailableCurrencies().stream()
                .noneMatch(known -> known.getCurrencyCode().equals(pricing.currency()))) {
            throw bad("pricing.currency", "is not an ISO 4217 currency code");
        }
        if (request.facts() != null) {
            releaseDate(request.facts());
            noRepeats(request.facts().modalities(), "facts.modalities");
            noRepeats(request.facts().parametersBillions() == null ? null
                    : request.facts().parametersBillions().stream().map(BigDecimal::stripTrailingZeros).toList(),
                    "facts.parametersBillions");
        }
    }

    /** The release date of {@code facts}, which must be a real calendar day; null when absent. */
    static LocalDate releaseDate(FactsInput facts) {
        if (facts.releaseDate() == null) {
            return null;
        }
        try {
            return LocalDate.parse(facts.releaseDate());
        } catch (DateTimeParseException e) {
            throw bad("facts.releaseDate", "is not a calendar date");
        }
    }

    private static void requireAll(PricingModel model, boolean hasAmount, boolean hasCurrency, boolean hasUnit) {
        String missing = !hasAmount ? "pricing.amount" : !hasCurrency ? "pricing.currency" : !hasUnit ? "pricing.unit"
                : null;
        if (missing != null) {
            throw bad(missing, "is needed when the pricing model is " + model
                    + " (amount, currency and unit, e.g. 20 USD per month)");
        }
    }

    private static void noRepeats(List<?> values, String field) {
        if (values != null && new HashSet<>(values).size() != values.size()) {
            throw bad(field, "must not list the same value twice");
        }
    }

    private static FieldProblem bad(String field, String message) {
        return new FieldProblem(HttpStatus.BAD_REQUEST, field, message);
    }
}
