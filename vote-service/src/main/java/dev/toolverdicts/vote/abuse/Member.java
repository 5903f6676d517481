package dev.toolverdicts.vote.abuse;

import java.time.Duration;
import java.time.Instant;

/** A voter as vote-service knows them: when their account was created (if the token says) and when first seen. */
public record Member(String id, Instant firstSeenAt, Instant accountCreatedAt) {

    /** The best known start of the account: its creation time from the token, else the first vote seen here. */
    Instant accountStart() {
        return accountCreatedAt != null ? accountCreatedAt : firstSeenAt;
    }

    boolean isNewAt(Instant now, Duration newAccountAge) {
        return accountStart().isAfter(now.minus(newAccountAge));
    }
}
