package dev.toolverdicts.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * The whole state of one catalog tool after a change (event-carried state). {@code version} grows by one per
 * change, so a consumer applies an event only when it is newer than what it holds. Within v1, fields may only
 * be added, and only as optional ones: {@code pricing}, {@code facts} and {@code links} were added that way and
 * are absent from events written before them, and so is {@code logoUrl} (an editor-supplied https image URL; a
 * reader shows a generated monogram when it is absent).
 */
public record ToolEvent(
        UUID toolId,
        long version,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        ToolStatus status,
        Instant changedAt,
        ToolPricing pricing,
        ToolFacts facts,
        ToolLinks links,
        String logoUrl) {

    /** The first v1 shape, without pricing, facts and links. */
    public ToolEvent(UUID toolId, long version, String slug, String name, String vendor, String category,
            String tagline, String description, String license, ToolStatus status, Instant changedAt) {
        this(toolId, version, slug, name, vendor, category, tagline, description, license, status, changedAt, null,
                null, null, null);
    }

    /** The v1 shape with pricing, facts and links but without a logo. */
    public ToolEvent(UUID toolId, long version, String slug, String name, String vendor, String category,
            String tagline, String description, String license, ToolStatus status, Instant changedAt,
            ToolPricing pricing, ToolFacts facts, ToolLinks links) {
        this(toolId, version, slug, name, vendor, category, tagline, description, license, status, changedAt,
                pricing, facts, links, null);
    }
}
