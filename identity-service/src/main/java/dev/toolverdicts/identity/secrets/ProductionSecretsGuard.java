package dev.toolverdicts.identity.secrets;

import dev.toolverdicts.identity.client.ClientProperties;
import dev.toolverdicts.identity.demo.DemoUsersProperties;
import dev.toolverdicts.identity.key.SigningKeyProperties;
import dev.toolverdicts.identity.registration.RegistrationProperties;
import dev.toolverdicts.servicedefaults.secrets.SecretStrength;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production instance (any profile set without {@code dev}) with a default, placeholder or short
 * secret, or with the demo accounts switched on: the context fails with one message naming every offending property
 * and the environment variable that sets it. Dev defaults live only in {@code application-dev.yml}.
 */
@Component
@Profile("!" + ProductionSecretsGuard.DEV_PROFILE)
class ProductionSecretsGuard {

    static final String DEV_PROFILE = "dev";

    ProductionSecretsGuard(ClientProperties clients, RegistrationProperties registration, DemoUsersProperties demo,
            SigningKeyProperties keys) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ClientProperties.Client> client : clients.clients().entrySet()) {
            if (!client.getValue().publicClient()) {
                check(problems, "identity.clients." + client.getKey() + ".secret",
                        "IDENTITY_CLIENTS_" + envName(client.getKey()) + "_SECRET", client.getValue().secret());
            }
        }
        check(problems, "identity.registration.link-secret", "IDENTITY_REGISTRATION_LINKSECRET",
                registration.linkSecret());
        check(problems, "identity.keys.encryption-key", "IDENTITY_KEYS_ENCRYPTIONKEY",
                keys.encryptionKey());
        if (demo.enabled()) {
            problems.add("identity.demo-users.enabled=true seeds accounts with a published password; demo users exist "
                    + "only under the '" + DEV_PROFILE + "' profile");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start without the '" + DEV_PROFILE + "' profile: "
                    + String.join("; ", problems));
        }
    }

    private static void check(List<String> problems, String property, String env, String value) {
        SecretStrength.problemWith(value).ifPresent(problem -> problems.add(
                property + " (env " + env + ") " + problem + "; set a random value of at least "
                        + SecretStrength.MIN_BYTES + " bytes"));
    }

    private static String envName(String clientId) {
        return clientId.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
