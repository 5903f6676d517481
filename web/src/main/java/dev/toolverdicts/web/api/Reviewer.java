package dev.toolverdicts.web.api;

/** A panel reviewer's public profile. */
public record Reviewer(String id, long version, String displayName, String lens, String bio, String disclosure,
        boolean active) {
}
