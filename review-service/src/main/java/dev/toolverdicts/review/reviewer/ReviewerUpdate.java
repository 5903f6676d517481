package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.review.Lens;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The whole new profile of a reviewer, sent by an editor with {@code If-Match}; the linked user stays the same. */
record ReviewerUpdate(
        @NotBlank @Size(max = 80) String displayName,
        @NotNull Lens lens,
        @NotBlank @Size(max = 600) String bio,
        @NotBlank @Size(max = 600) String disclosure,
        @NotNull Boolean active) {
}
