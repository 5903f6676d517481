package dev.toolverdicts.catalog.http;

/** Thrown when a request names a former slug: the resource now lives at {@code currentSlug}. */
public class SlugMoved extends RuntimeException {

    private final String requestedSlug;
    private final String currentSlug;

    public SlugMoved(String requestedSlug, String currentSlug) {
        super(requestedSlug + " is now " + currentSlug, null, false, false);
        this.requestedSlug = requestedSlug;
        this.currentSlug = currentSlug;
    }

    public String requestedSlug() {
        return requestedSlug;
    }

    public String currentSlug() {
        return currentSlug;
    }
}
