package dev.toolverdicts.vote.abuse;

/** What an admin decided about a flagged vote: keep counting it, or stop counting it (it is kept, not deleted). */
public enum Resolution {
    KEEP,
    REJECT
}
