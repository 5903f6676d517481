package dev.toolverdicts.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the token-signing RSA keys in the database, shared by every instance: the newest signs, the one before it
 * stays published so the tokens it signed verify until they expire, older ones are deleted. Private keys are stored
 * AES-GCM encrypted ({@link KeyEncryption}). A rotation takes a PostgreSQL advisory lock and re-checks in the same
 * transaction, so instances rotating at once create one key, and the first start of any instance creates the first.
 */
@Component
public class SigningKeyStore {

    static final String ACCESS_TOKENS = "access-tokens";
    static final int PUBLISHED = 2;
    private static final int KEY_SIZE = 2048;
    private static final long ROTATION_LOCK = 0x7456_4b65_7952_6f74L;
    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private final JdbcClient jdbc;
    private final KeyEncryption encryption;
    private final TransactionTemplate transactions;

    public SigningKeyStore(JdbcClient jdbc, SigningKeyProperties properties, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.encryption = new KeyEncryption(properties.encryptionKey());
        this.transactions = transactions;
    }

    /** The published keys, the signing one first; creates the first key, and encrypts a plaintext one left by V3. */
    public List<RSAKey> publishedKeys() {
        List<RSAKey> keys = load();
        if (keys.isEmpty()) {
            rotateIfOlderThan(Duration.ZERO);
            keys = load();
        }
        return keys;
    }

    /** Makes a new signing key now; the current one becomes the previous one. Returns the new key's id. */
    public String rotate() {
        return rotate(null).orElseThrow();
    }

    /** Rotates if the newest key is older than {@code interval} (or there is none); the new key's id if it did. */
    public Optional<String> rotateIfOlderThan(Duration interval) {
        return rotate(interval);
    }

    private Optional<String> rotate(Duration onlyIfOlderThan) {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleValue();
            boolean due = onlyIfOlderThan == null || jdbc.sql("""
                    select coalesce(max(created_at) <= clock_timestamp() - make_interval(secs => ?), true)
                      from signing_key where purpose = ?""")
                    .params((double) onlyIfOlderThan.toSeconds(), ACCESS_TOKENS).query(Boolean.class).single();
            if (!due) {
                return Optional.<String>empty();
            }
            RSAKey key = generate();
            insert(key);
            jdbc.sql("""
                    delete from signing_key where purpose = ? and kid not in (
                        select kid from signing_key where purpose = ? order by created_at desc limit ?)""")
                    .params(ACCESS_TOKENS, ACCESS_TOKENS, PUBLISHED).update();
            log.info("New token-signing key {}", key.getKeyID());
            return Optional.of(key.getKeyID());
        });
    }

    private List<RSAKey> load() {
        return jdbc.sql("""
                select kid, public_key, private_key from signing_key
                 where purpose = ? order by created_at desc limit ?""")
                .params(ACCESS_TOKENS, PUBLISHED)
                .query((rs, row) -> toJwk(rs.getString("kid"), rs.getString("public_key"), rs.getString("private_key")))
                .list();
    }

    private void insert(RSAKey key) {
        try {
            jdbc.sql("""
                    insert into signing_key (kid, purpose, algorithm, public_key, private_key, created_at)
                    values (?, ?, 'RS256', ?, ?, clock_timestamp())""")
                    .params(key.getKeyID(), ACCESS_TOKENS, encode(key.toRSAPublicKey().getEncoded()),
                            encryption.encrypt(key.getKeyID(), key.toRSAPrivateKey().getEncoded()))
                    .update();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot export the new signing key", e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private RSAKey toJwk(String kid, String publicKey, String storedPrivateKey) {
        byte[] privateKey;
        if (KeyEncryption.isEncrypted(storedPrivateKey)) {
            privateKey = encryption.decrypt(kid, storedPrivateKey);
        } else {
            privateKey = decode(storedPrivateKey);
            jdbc.sql("update signing_key set private_key = ? where kid = ? and private_key = ?")
                    .params(encryption.encrypt(kid, privateKey), kid, storedPrivateKey).update();
            log.info("Encrypted the plaintext signing key {} at rest", kid);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(decode(publicKey)));
            RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
        }
    }

    private static String encode(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
