package dev.toolverdicts.vote.ballot;

import jakarta.validation.constraints.NotNull;

/** What a member sends to vote: {@code {"vote": "SHIP"}} or {@code {"vote": "SKIP"}}. */
record VoteRequest(@NotNull Choice vote) {
}
