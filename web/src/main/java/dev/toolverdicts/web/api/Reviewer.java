package dev.toolverdicts.web.api;

import java.time.Instant;

/** A panel reviewer's public profile. */
public record Reviewer(String id, long version, String displayName, String lens, String bio, String disclosure,
        boolean active, Instant createdAt) {

    public boolean hasDisclosure() {
        return disclosure != null && !disclosure.isBlank();
    }
}
