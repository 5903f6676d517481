package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.time.Instant;
import java.util.UUID;

/** A tool as the catalog API shows it; {@code pricing.entry} is the display read of its entry price. */
record ToolResponse(
        UUID id,
        long version,
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
        ToolStatus status,
        Instant createdAt,
        Instant updatedAt) {

    static ToolResponse of(Tool tool) {
        ToolContent c = tool.content();
        return new ToolResponse(tool.id(), tool.version(), c.slug(), c.name(), c.vendor(), c.category(),
                c.tagline(), c.description(), c.license(), c.pricing(), c.facts(), c.links(), c.logoUrl(), tool.status(),
                tool.createdAt(), tool.updatedAt());
    }
}
