package dev.toolverdicts.web.api;

/** A tool as catalog-service shows it (its list and the editor desk read these). */
public record CatalogTool(String id, long version, String slug, String name, String vendor, String category,
        String tagline, String license, Pricing pricing, String status) {

    /** The entry price; {@code entry} is its ready-made display. */
    public record Pricing(String model, String entry) {
    }

    public String entry() {
        return pricing == null ? null : pricing.entry();
    }
}
