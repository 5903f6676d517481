package dev.toolverdicts.vote.ballot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who votes, from the access token: the member id ({@code sub}) and, when the identity service adds it, the
 * account's creation time ({@code account_created_at}, epoch seconds or ISO-8601), the best signal of a new account.
 */
record Voter(String id, Instant accountCreatedAt) {

    static final String ACCOUNT_CREATED_AT = "account_created_at";

    static Voter of(Jwt jwt) {
        return new Voter(jwt.getSubject(), accountCreatedAt(jwt.getClaims().get(ACCOUNT_CREATED_AT)));
    }

    private static Instant accountCreatedAt(Object claim) {
        return switch (claim) {
            case Instant instant -> instant;
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case String text -> parse(text);
            case null, default -> null;
        };
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
