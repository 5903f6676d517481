package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.vote.tally.TallyResponse;
import java.time.Instant;

/** A member's current vote on a tool, with the tool's tally right after it was cast. */
record VoteResponse(String tool, Choice vote, Instant castAt, Instant updatedAt, TallyResponse tally) {
}
