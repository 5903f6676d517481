package dev.toolverdicts.web.api;

/** One line of a ranked tool list from comparison-service; {@code logoUrl} is null when the tool has no logo. */
public record RankedTool(String slug, String name, String vendor, String category, String tagline, String logoUrl,
        String license, String entry, Share panel, Share community, Integer gap) {
}
