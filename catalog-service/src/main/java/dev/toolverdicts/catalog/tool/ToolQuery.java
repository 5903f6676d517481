package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.catalog.http.PageParams;
import dev.toolverdicts.events.catalog.PricingModel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The public list's query parameters: full-text search {@code q} over name, vendor, tagline and description;
 * filters on category, license, pricing model, open weights and a parameter range in billions (a tool matches when
 * one of its sizes is in range); a sort; and the page.
 */
record ToolQuery(
        @Size(max = 200) String q,
        @Size(max = 60) String category,
        @Size(max = 100) String license,
        PricingModel pricing,
        Boolean openWeights,
        @DecimalMin("0") BigDecimal minParams,
        @DecimalMin("0") BigDecimal maxParams,
        @Pattern(regexp = ToolSort.PATTERN, message = ToolSort.RULE) String sort,
        @Min(0) @Max(PageParams.MAX_PAGE) Integer page,
        @Min(1) @Max(PageParams.MAX_SIZE) Integer size) {

    PageParams pageParams() {
        return PageParams.of(page, size);
    }

    ToolSort toolSort() {
        return ToolSort.parse(sort, q != null && !q.isBlank());
    }
}
