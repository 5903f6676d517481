package dev.toolverdicts.events.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Facts about the model behind a tool, each optional: parameter counts in billions (one per size of a family,
 * e.g. 7, 34, 200), modalities, context window in tokens, whether the weights are open, release date and the
 * current model version.
 */
public record ToolFacts(
        List<BigDecimal> parametersBillions,
        List<Modality> modalities,
        Integer contextWindow,
        Boolean openWeights,
        LocalDate releaseDate,
        String modelVersion) {
}
