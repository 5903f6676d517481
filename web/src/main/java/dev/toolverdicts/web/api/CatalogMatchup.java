package dev.toolverdicts.web.api;

/** A matchup as catalog-service shows it. */
public record CatalogMatchup(String id, long version, String slug, Side toolA, Side toolB, String headline,
        String status) {

    /** One side of the matchup. */
    public record Side(String slug, String name) {
    }
}
