package dev.toolverdicts.catalog.tool;

/** What a tool slug may look like: it appears in every URL of the tool, so it stays plain and lowercase. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String RULE = "must be lowercase letters and digits in words joined by single hyphens, e.g. code-llama-4";
    public static final int MAX_LENGTH = 64;

    private Slugs() {
    }
}
