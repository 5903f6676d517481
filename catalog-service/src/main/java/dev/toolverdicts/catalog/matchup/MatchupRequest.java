package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.catalog.tool.Slugs;
import dev.toolverdicts.catalog.tool.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an editor sends to set up a matchup: the two tools by slug (both published, distinct) and a headline. */
record MatchupRequest(
        @NotBlank @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE) String toolA,
        @NotBlank @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE) String toolB,
        @NotBlank @Size(max = 160) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE)
        String headline) {
}
