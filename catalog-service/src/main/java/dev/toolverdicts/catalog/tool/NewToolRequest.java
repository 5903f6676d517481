package dev.toolverdicts.catalog.tool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an editor sends to add a tool; it starts as a draft. */
record NewToolRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE)
        String slug,

        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String vendor,
        @NotBlank @Size(max = 60) String category,
        @NotBlank @Size(max = 140) String tagline,
        @Size(max = 4000) String description,
        @Size(max = 100) String license) {
}
