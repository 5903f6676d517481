package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import java.util.UUID;

/** The catalog facts of one tool as the projection last applied them. */
record ToolRow(
        UUID toolId,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        ToolPricing pricing,
        ToolFacts facts,
        ToolLinks links,
        String logoUrl,
        long version) {

    /** The entry price read ("Free", "from $20/month"), as the catalog wrote it, or "—" when it gave none. */
    String entry() {
        return pricing != null && pricing.entry() != null ? pricing.entry() : Share.NO_DATA;
    }
}
