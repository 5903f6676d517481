package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ReviewerEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A panel reviewer as this service stores it; every change makes a new value with the next version. */
public record Reviewer(
        UUID id,
        long version,
        String userId,
        String displayName,
        Lens lens,
        String bio,
        String disclosure,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    static Reviewer create(NewReviewerRequest request, Instant now) {
        return new Reviewer(UUID.randomUUID(), 1, request.userId().strip(), request.displayName().strip(),
                request.lens(), request.bio().strip(), request.disclosure().strip(), true, now, now);
    }

    Reviewer changedTo(ReviewerUpdate update, Instant now) {
        return new Reviewer(id, version + 1, userId, update.displayName().strip(), update.lens(),
                update.bio().strip(), update.disclosure().strip(), update.active(), createdAt, now);
    }

    boolean sameAs(ReviewerUpdate update) {
        return displayName.equals(update.displayName().strip()) && lens == update.lens()
                && bio.equals(update.bio().strip()) && disclosure.equals(update.disclosure().strip())
                && active == update.active();
    }

    /** Whether {@code other} shows differently on a verdict (verdict events copy the name and the lens). */
    boolean looksDifferentOnVerdicts(Reviewer other) {
        return !Objects.equals(displayName, other.displayName) || lens != other.lens;
    }

    ReviewerEvent toEvent() {
        return new ReviewerEvent(id, version, displayName, lens, bio, disclosure, active, updatedAt);
    }
}
