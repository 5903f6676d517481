package dev.toolverdicts.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A test token issuer with the platform's JWT conventions: {@code sub} is the user id, {@code roles} lists EDITOR,
 * REVIEWER, MEMBER or ADMIN, {@code name} is the display name. One RSA key per test JVM; its public half is served
 * as a JWK set on loopback, so services validate tokens the same way as in production.
 */
public final class TestJwts {

    public static final String ISSUER = "http://issuer.test.tool-verdicts";
    private static final String JWKS_PATH = "/oauth2/jwks";

    private static RSAKey key;
    private static HttpServer jwks;

    private TestJwts() {
    }

    /** A valid access token for {@code subject} with these roles, good for an hour. */
    public static String token(String subject, String... roles) {
        return token(subject, Duration.ofHours(1), roles);
    }

    /** A token that expires after {@code lifetime} (negative: already expired). */
    public static String token(String subject, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .claim("name", subject)
                .build();
        try {
            RSAKey signingKey = key();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** The {@code Authorization} header value for {@link #token(String, String...)}. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    /** Where the test issuer's public key is served (started on first use). */
    public static synchronized String jwkSetUri() {
        if (jwks == null) {
            String body = new JWKSet(key().toPublicJWK()).toString();
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext(JWKS_PATH, exchange -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-shutdown"));
                jwks = server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + JWKS_PATH;
    }

    private static synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot make a test RSA key", e);
            }
        }
        return key;
    }
}
