package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.catalog.tool.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new headline for a matchup, sent with {@code If-Match}; its two tools never change (make a new matchup). */
record MatchupUpdate(
        @NotBlank @Size(max = 160) @Pattern(regexp = TextRules.ONE_LINE, message = TextRules.ONE_LINE_RULE)
        String headline) {
}
