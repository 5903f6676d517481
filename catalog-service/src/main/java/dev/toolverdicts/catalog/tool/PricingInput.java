package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.PricingModel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** How a tool charges, as an editor sends it; which parts are needed depends on the model ({@link ToolRules}). */
record PricingInput(
        @NotNull PricingModel model,
        @DecimalMin("0") @Digits(integer = 9, fraction = 4) BigDecimal amount,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
        @Size(max = 40) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE) String unit) {
}
