package dev.toolverdicts.catalog.tool;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tool's links, as an editor sends them: absolute http(s) URLs, both optional. */
record LinksInput(
        @Size(max = 300) @Pattern(regexp = TextRules.WEB_URL, message = TextRules.WEB_URL_RULE) String homepage,
        @Size(max = 300) @Pattern(regexp = TextRules.WEB_URL, message = TextRules.WEB_URL_RULE) String modelCard) {
}
