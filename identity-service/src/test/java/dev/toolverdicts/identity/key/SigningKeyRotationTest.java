package dev.toolverdicts.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolverdicts.identity.FreePorts;
import dev.toolverdicts.identity.ResourceServers;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Key rotation against the running server: after a rotation the JWK set holds the new and the previous key, a token
 * signed by the previous key still verifies (through {@code /oauth2/jwks} and this server's own decoder), a token
 * naming an unknown key or a key two rotations old does not, and no private key is stored in plaintext.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
@WithPostgres
class SigningKeyRotationTest {

    private static final int PORT = FreePorts.next();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("identity.issuer", () -> ISSUER);
    }

    @Autowired
    SigningKeyStore store;

    @Autowired
    SigningKeys keys;

    @Autowired
    JwtDecoder ownDecoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeyProperties properties;

    @Test
    void aTokenSignedByThePreviousKeyVerifiesUntilTheKeyAfterNextReplacesIt() throws Exception {
        String before = token();
        String previousKid = kid(before);

        String newKid = store.rotate();
        keys.refresh();
        String after = token();

        assertThat(kid(after)).isEqualTo(newKid).isNotEqualTo(previousKid);
        assertThat(jwksKids()).containsExactly(newKid, previousKid);
        assertThat(resourceServer().decode(before).getSubject()).isEqualTo("benchmarks");
        assertThat(ownDecoder.decode(before).getSubject()).isEqualTo("benchmarks");
        assertThat(resourceServer().decode(after).getSubject()).isEqualTo("benchmarks");

        store.rotate();
        keys.refresh();

        assertThat(jwksKids()).hasSize(2).doesNotContain(previousKid).contains(newKid);
        assertThatThrownBy(() -> resourceServer().decode(before)).isInstanceOf(JwtException.class);
        assertThat(resourceServer().decode(after).getSubject()).isEqualTo("benchmarks");
        assertThat(jdbc.sql("select count(*) from signing_key").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTokenNamingAnUnknownKeyOrForgedUnderAKnownKidIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        String unknownKid = forge(stranger, stranger.getKeyID());
        String knownKid = forge(stranger, keys.currentKeyId());

        assertThatThrownBy(() -> resourceServer().decode(unknownKid)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> ownDecoder.decode(unknownKid)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> resourceServer().decode(knownKid)).isInstanceOf(JwtException.class);
        assertThat(resourceServer().decode(token()).getSubject()).isEqualTo("benchmarks");
    }

    @Test
    void privateKeysAreStoredEncryptedAndOnlyTheKeyEncryptionKeyOpensThem() throws Exception {
        keys.refresh();
        List<String[]> rows = jdbc.sql("select kid, private_key from signing_key")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(rows).isNotEmpty();
        for (String[] row : rows) {
            assertThat(row[1]).startsWith("aesgcm:v1:");
            assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(row[1].substring("aesgcm:v1:".length())))))
                    .as("the stored bytes are no PKCS#8 key").isInstanceOf(Exception.class);
            byte[] plain = new KeyEncryption(properties.encryptionKey()).decrypt(row[0], row[1]);
            assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(plain))).isNotNull();
            assertThatThrownBy(() -> new KeyEncryption("another-key-encryption-key-entirely-0123456789")
                    .decrypt(row[0], row[1])).isInstanceOf(IllegalStateException.class);
        }
        RSAKey signing = (RSAKey) keys.get(new com.nimbusds.jose.jwk.JWKSelector(
                new com.nimbusds.jose.jwk.JWKMatcher.Builder().keyID(keys.currentKeyId()).build()), null).getFirst();
        String plaintextBase64 = Base64.getEncoder().encodeToString(signing.toRSAPrivateKey().getEncoded());
        assertThat(rows).noneSatisfy(row -> assertThat(row[1]).contains(plaintextBase64.substring(0, 64)));
    }

    // The legacy row is dated now, not ahead: a future-dated key would stay "current" after the next rotation in
    // whichever test runs after this one, and the rotation test would see the legacy kid instead of its new one.
    @Test
    void aPlaintextKeyLeftByTheOldSchemaIsEncryptedAtTheNextLoad() throws Exception {
        RSAKey legacy = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        jdbc.sql("""
                insert into signing_key (kid, purpose, algorithm, public_key, private_key, created_at)
                values (?, 'access-tokens', 'RS256', ?, ?, clock_timestamp())""")
                .params(legacy.getKeyID(), Base64.getEncoder().encodeToString(legacy.toRSAPublicKey().getEncoded()),
                        Base64.getEncoder().encodeToString(legacy.toRSAPrivateKey().getEncoded()))
                .update();

        keys.refresh();

        assertThat(jdbc.sql("select private_key from signing_key where kid = ?").param(legacy.getKeyID())
                .query(String.class).single()).startsWith("aesgcm:v1:");
        assertThat(keys.currentKeyId()).isEqualTo(legacy.getKeyID());
        store.rotate();
        keys.refresh();
    }

    private static NimbusJwtDecoder resourceServer() {
        return ResourceServers.decoder(ISSUER);
    }

    private static String forge(RSAKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("admin").audience("toolverdicts-api")
                        .claim("client_id", "benchmarks").jwtID(UUID.randomUUID().toString())
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000))
                        .claim("roles", List.of("ADMIN")).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String kid(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8))
                .get("kid").asString();
    }

    private static List<String> jwksKids() throws Exception {
        JsonNode jwks = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(jwks.get("keys").valueStream().noneMatch(k -> k.has("d"))).as("no private parts").isTrue();
        return jwks.get("keys").valueStream().map(k -> k.get("kid").asString()).toList();
    }

    private static String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString("benchmarks:benchmarks-dev-secret"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
