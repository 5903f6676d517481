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
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the token-signing RSA key in the database: the first instance to start generates and inserts it, every
 * other instance and every restart reads the same key, so tokens stay valid and {@code /oauth2/jwks} stays stable.
 */
@Component
public class SigningKeyStore {

    static final String ACCESS_TOKENS = "access-tokens";
    private static final int KEY_SIZE = 2048;

    private final JdbcClient jdbc;

    public SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signing key, created on first use; concurrent first starts agree on one key through the unique purpose. */
    public RSAKey signingKey() {
        return load().orElseGet(() -> {
            insertIfAbsent(generate());
            return load().orElseThrow();
        });
    }

    private Optional<RSAKey> load() {
        return jdbc.sql("select kid, public_key, private_key from signing_key where purpose = ?")
                .param(ACCESS_TOKENS)
                .query((rs, row) -> toJwk(rs.getString("kid"), rs.getString("public_key"), rs.getString("private_key")))
                .optional();
    }

    private void insertIfAbsent(RSAKey key) {
        try {
            jdbc.sql("""
                    insert into signing_key (kid, purpose, algorithm, public_key, private_key)
                    values (?, ?, 'RS256', ?, ?) on conflict (purpose) do nothing""")
                    .params(key.getKeyID(), ACCESS_TOKENS,
                            encode(key.toRSAPublicKey().getEncoded()), encode(key.toRSAPrivateKey().getEncoded()))
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

    private static RSAKey toJwk(String kid, String publicKey, String privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(decode(publicKey)));
            RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey)));
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
