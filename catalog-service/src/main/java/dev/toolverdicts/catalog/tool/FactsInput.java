package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.Modality;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Facts about the model behind a tool, as an editor sends them; each one is optional, the release date is ISO. */
record FactsInput(
        @Size(max = 12) List<@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
                @Digits(integer = 6, fraction = 3) BigDecimal> parametersBillions,
        @Size(max = 5) List<@NotNull Modality> modalities,
        @Min(1) @Max(100_000_000) Integer contextWindow,
        Boolean openWeights,
        @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "must be a date like 2026-04-29")
        String releaseDate,
        @Size(max = 60) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE) String modelVersion) {
}
