package dev.toolverdicts.comparison.cache;

/**
 * A view's JSON exactly as the app's {@code JsonMapper} writes it, made once per view version when the view is
 * cached and sent as is by {@link SerializedViewConverter}, so a cached read does not serialise the view again. The
 * type parameter names the view for the API documentation only (springdoc shows {@code T}, not this wrapper).
 */
public record SerializedView<T>(byte[] json) {
}
