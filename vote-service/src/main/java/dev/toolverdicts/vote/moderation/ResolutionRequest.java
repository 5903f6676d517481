package dev.toolverdicts.vote.moderation;

import dev.toolverdicts.vote.abuse.Resolution;
import jakarta.validation.constraints.NotNull;

/** An admin's decision on a flag: {@code {"resolution": "KEEP"}} or {@code {"resolution": "REJECT"}}. */
record ResolutionRequest(@NotNull Resolution resolution) {
}
