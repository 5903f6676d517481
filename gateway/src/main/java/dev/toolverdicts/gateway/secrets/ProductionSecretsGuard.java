package dev.toolverdicts.gateway.secrets;

import dev.toolverdicts.servicedefaults.secrets.SecretStrength;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production gateway (any profile set without {@code dev}, as in identity-service) whose OAuth2
 * client secret is missing, short, low-variety or a placeholder: with the published dev secret anyone could redeem
 * authorization codes as the gateway. The dev default lives only in {@code application-dev.yml}; Kubernetes sets it
 * from the Secret {@code gateway-oauth2}.
 */
@Component
@Profile("!" + ProductionSecretsGuard.DEV_PROFILE)
class ProductionSecretsGuard {

    static final String DEV_PROFILE = "dev";

    ProductionSecretsGuard(@Value("${gateway.oauth2.client-secret:}") String clientSecret) {
        SecretStrength.problemWith(clientSecret).ifPresent(problem -> {
            throw new IllegalStateException("Refusing to start without the '" + DEV_PROFILE + "' profile: "
                    + "gateway.oauth2.client-secret (env GATEWAY_OAUTH2_CLIENTSECRET) " + problem
                    + "; set a random value of at least " + SecretStrength.MIN_BYTES + " bytes");
        });
    }
}
