package dev.toolverdicts.catalog.tool;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The whole content of a tool as an editor sends it: to create one (it starts as a draft) or, with
 * {@code If-Match}, to replace the content of an existing one (a new slug renames it). {@code logoUrl} is optional
 * like the links: left out, the tool has no logo (readers see a generated monogram), also after a replace.
 */
record ToolRequest(
        @NotBlank
        @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE)
        String slug,

        @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE)
        String name,
        @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE)
        String vendor,
        @NotBlank @Size(max = 60) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE)
        String category,
        @NotBlank @Size(max = 140) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE)
        String tagline,
        @Size(max = 4000) String description,
        @Size(max = 100) @Pattern(regexp = TextRules.LICENSE, message = TextRules.LICENSE_RULE) String license,
        @NotNull @Valid PricingInput pricing,
        @Valid FactsInput facts,
        @Valid LinksInput links,
        @Size(max = 500) @Pattern(regexp = TextRules.HTTPS_URL, message = TextRules.HTTPS_URL_RULE) String logoUrl) {
}
