package dev.toolverdicts.servicedefaults.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts a {@link VerifiedTokenCache} in front of whatever {@link JwtDecoder} the app ends up with (Boot's, or a test's),
 * so every validator it was built with still runs once per token. The clock is the system's, as the decoder's own
 * expiry check uses, not the app's (a test that pins the app's clock must not keep tokens alive).
 */
final class VerifiedTokenCaching implements BeanPostProcessor {

    static final String MAX_AGE = "platform.security.verified-tokens.max-age";
    static final String MAX_SIZE = "platform.security.verified-tokens.max-size";

    private final Environment environment;

    VerifiedTokenCaching(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
            return bean;
        }
        Duration maxAge = environment.getProperty(MAX_AGE, Duration.class, Duration.ofMinutes(5));
        int maxSize = environment.getProperty(MAX_SIZE, Integer.class, 10_000);
        if (maxAge.isZero() || maxSize <= 0) {
            return bean;
        }
        return new VerifiedTokenCache(decoder, Clock.systemUTC(), maxAge, maxSize);
    }
}
