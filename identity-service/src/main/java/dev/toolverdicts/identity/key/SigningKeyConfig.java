package dev.toolverdicts.identity.key;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The rotation path: every instance checks hourly whether the signing key is older than
 * {@code identity.keys.rotation-interval} and, if so, one of them (under the store's lock) makes a new one.
 * An immediate rotation (e.g. a suspected leak) is {@link SigningKeyStore#rotate()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SigningKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfig.class);

    private final SigningKeyStore store;
    private final SigningKeys keys;
    private final SigningKeyProperties properties;

    SigningKeyConfig(SigningKeyStore store, SigningKeys keys, SigningKeyProperties properties) {
        this.store = store;
        this.keys = keys;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${identity.keys.rotation-check:1h}", fixedDelayString = "${identity.keys.rotation-check:1h}")
    void rotateWhenDue() {
        store.rotateIfOlderThan(properties.rotationInterval()).ifPresent(kid -> {
            log.info("Rotated the token-signing key: {} signs from now on", kid);
            keys.refresh();
        });
    }
}
