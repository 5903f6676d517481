package dev.toolverdicts.vote.abuse;

import jakarta.validation.constraints.NotNull;

/** An admin's decision on a flag: {@code {"resolution": "KEEP"}} or {@code {"resolution": "REJECT"}}. */
record ResolutionRequest(@NotNull Resolution resolution) {
}
