package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.review.Lens;
import java.time.Instant;
import java.util.UUID;

/** A reviewer as the public API shows it; the linked identity user stays private. */
record ReviewerResponse(
        UUID id,
        long version,
        String displayName,
        Lens lens,
        String bio,
        String disclosure,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    static ReviewerResponse of(Reviewer reviewer) {
        return new ReviewerResponse(reviewer.id(), reviewer.version(), reviewer.displayName(), reviewer.lens(),
                reviewer.bio(), reviewer.disclosure(), reviewer.active(), reviewer.createdAt(),
                reviewer.updatedAt());
    }
}
