package dev.toolverdicts.identity.client;

import dev.toolverdicts.servicedefaults.security.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Where a client's roles live: a custom client setting, stored with the client (as one comma-separated string,
 * which the JDBC store serializes without any extra type allow-listing).
 */
public final class ClientRoles {

    static final String SETTING = "dev.toolverdicts.client.roles";

    private ClientRoles() {
    }

    static String toSetting(List<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).toList());
    }

    /** The roles configured for this client, empty if none. */
    public static List<String> of(RegisteredClient client) {
        Object value = client.getClientSettings().getSetting(SETTING);
        if (!(value instanceof String names) || names.isBlank()) {
            return List.of();
        }
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
