package dev.toolverdicts.benchmarks.identity;

/** A signed-in benchmark member: the user id the vote service keys ballots by, and an access token. */
public record Member(String email, String id, String token) {
}
