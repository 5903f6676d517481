package dev.toolverdicts.comparison.cache;

/**
 * A view as served, with the ETag of its content: equal content, equal tag, whichever generation it came from. A
 * view tagged from its own JSON keeps that JSON ({@code serialized}), so a cached read sends it without serialising
 * again; a composite, tagged from its parts' tags, has none ({@code null}) and is serialised as it is sent.
 */
public record Tagged<T>(T body, String etag, SerializedView<T> serialized) {
}
