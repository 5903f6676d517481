package dev.toolverdicts.vote.idempotency;

/** What a write answered: its HTTP status and body, and whether it is the stored answer of an earlier request. */
public record Answer<T>(int status, T body, boolean replayed) {

    public static <T> Answer<T> fresh(int status, T body) {
        return new Answer<>(status, body, false);
    }
}
