package dev.toolverdicts.web.page;

import dev.toolverdicts.servicedefaults.security.Role;
import dev.toolverdicts.web.api.Bearer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is looking at a page, read from the access token the gateway relays in {@code Authorization}. Only for what a
 * page shows (a name, which forms to offer): the token is never checked here, because every write goes to a
 * service that verifies it and decides; a forged header can show a form, never perform a write.
 */
public record Viewer(String subject, String name, Set<String> roles, Bearer bearer) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, Set.of(), null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Viewer fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return ANONYMOUS;
        }
        String token = header.substring(7).strip();
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return ANONYMOUS;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Set<String> roles = new TreeSet<>();
            claims.path("roles").forEach(role -> roles.add(role.asString()));
            String name = claims.path("name").asString(claims.path("email").asString("you"));
            return new Viewer(claims.path("sub").asString(null), name, Set.copyOf(roles), new Bearer(token));
        } catch (RuntimeException unreadable) {
            return ANONYMOUS;
        }
    }

    public boolean signedIn() {
        return bearer != null;
    }

    public boolean has(Role role) {
        return roles.contains(role.name()) || roles.contains(role.authority());
    }

    public boolean isMember() {
        return has(Role.MEMBER);
    }

    public boolean isReviewer() {
        return has(Role.REVIEWER);
    }

    public boolean isEditor() {
        return has(Role.EDITOR) || has(Role.ADMIN);
    }

    /** The token to relay, or empty for a reader who is not signed in. */
    public Optional<Bearer> token() {
        return Optional.ofNullable(bearer);
    }

    public List<String> roleList() {
        return List.copyOf(roles);
    }
}
