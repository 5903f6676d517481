package dev.toolverdicts.servicedefaults.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;

/**
 * Who may keep a successful JSON read, and for how long. An anonymous public read is the same for every reader, so
 * browsers and shared caches (a CDN, nginx) may keep it briefly and serve a stale copy while they revalidate it with
 * its ETag. A read the caller identified themselves for (a bearer token, or a token in the query as signed links
 * carry) may be personal: never stored anywhere. Everything else keeps Spring Security's {@code no-store}: errors,
 * writes, event streams, the actuator, non-JSON answers.
 */
public final class CachePolicy {

    /** Fresh for 10 s, then served stale for up to 30 s more while one request revalidates it. */
    public static final String PUBLIC = "public, max-age=10, stale-while-revalidate=30";
    public static final String PERSONAL = "private, no-store";

    /** The request headers a JSON answer depends on: its format, its encoding, and whether a token came with it. */
    public static final List<String> VARY = List.of("Accept", "Accept-Encoding", "Authorization");

    private static final Set<String> TOKEN_PARAMETERS = Set.of("token", "access_token");

    private CachePolicy() {
    }

    /** What a request looks like to the policy; {@code query} may be null. */
    public record Exchange(String method, String path, String query, boolean authorization, int status,
            MediaType contentType) {
    }

    /** The {@code Cache-Control} to send, or empty to leave the response to the defaults (no-store). */
    public static Optional<String> cacheControl(Exchange exchange) {
        boolean read = exchange.method().equals("GET") || exchange.method().equals("HEAD");
        if (!read || exchange.status() != 200 || !isJson(exchange.contentType())
                || exchange.path().equals("/actuator") || exchange.path().startsWith("/actuator/")) {
            return Optional.empty();
        }
        return Optional.of(exchange.authorization() || hasTokenParameter(exchange.query()) ? PERSONAL : PUBLIC);
    }

    /** {@code existing} (a Vary value, or null) with {@link #VARY} added once each. */
    public static String vary(List<String> existing) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : existing) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        for (String name : VARY) {
            if (names.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
                names.add(name);
            }
        }
        return String.join(", ", names);
    }

    static boolean isJson(MediaType type) {
        if (type == null || !type.getType().equals("application")) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json") && !subtype.equals("problem+json");
    }

    static boolean hasTokenParameter(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (TOKEN_PARAMETERS.contains(name) || name.endsWith("token")) {
                return true;
            }
        }
        return false;
    }
}
