package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.review.Lens;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an editor sends to put an identity user (the JWT {@code sub}) on the panel; the reviewer starts active. */
record NewReviewerRequest(
        @NotBlank @Size(max = 100) String userId,
        @NotBlank @Size(max = 80) String displayName,
        @NotNull Lens lens,
        @NotBlank @Size(max = 600) String bio,
        @NotBlank @Size(max = 600) String disclosure) {
}
