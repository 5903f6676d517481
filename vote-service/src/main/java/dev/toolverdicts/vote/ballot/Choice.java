package dev.toolverdicts.vote.ballot;

/** A community vote: should people ship with this tool or skip it. */
public enum Choice {
    SHIP,
    SKIP
}
