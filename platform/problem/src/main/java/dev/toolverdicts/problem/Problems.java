package dev.toolverdicts.problem;

/** Names shared by every problem+json answer of the platform. */
public final class Problems {

    /** Extension member listing each wrong field; clients read it to point at the input to fix. */
    public static final String ERRORS = "errors";

    private Problems() {
    }
}
