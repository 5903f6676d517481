package dev.toolverdicts.comparison.cache;

/** A view as served, with the ETag of its content: equal content, equal tag, whichever generation it came from. */
public record Tagged<T>(T body, String etag) {
}
