package dev.toolverdicts.identity.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The key set the authorization server signs with and publishes at {@code /oauth2/jwks}: the current and the
 * previous key, read from {@link SigningKeyStore} and cached briefly, reloaded at once when a token names a key id
 * this instance has not seen yet (another instance rotated). Tokens name the current key in their {@code kid}.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private record Snapshot(List<JWK> keys, Instant loadedAt) {
    }

    private final SigningKeyStore store;
    private final SigningKeyProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot;

    SigningKeys(SigningKeyStore store, SigningKeyProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.snapshot = load();
    }

    /** The id of the key new tokens are signed with. */
    public String currentKeyId() {
        return fresh().keys().getFirst().getKeyID();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> matched = selector.select(new JWKSet(fresh().keys()));
        Set<String> wantedIds = selector.getMatcher().getKeyIDs();
        if (matched.isEmpty() && wantedIds != null && !wantedIds.isEmpty()) {
            snapshot = load();
            matched = selector.select(new JWKSet(snapshot.keys()));
        }
        return matched;
    }

    /** Drops the cached key set, so the next call reads the database (after a rotation on this instance). */
    public void refresh() {
        snapshot = load();
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        if (current.loadedAt().plus(properties.cacheTtl()).isBefore(clock.instant())) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        return new Snapshot(List.copyOf(store.publishedKeys()), clock.instant());
    }
}
