package dev.toolverdicts.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
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
 * A test token issuer with the platform's JWT conventions: access tokens as identity-service issues them (RFC 9068:
 * header {@code typ: at+jwt}, {@code aud} the API audience), {@code sub} the user id, {@code roles} EDITOR, REVIEWER,
 * MEMBER or ADMIN, {@code name} the display name. One RSA key per test JVM; its public half is served as a JWK set
 * on loopback, so services validate tokens the same way as in production. {@link #idToken} and
 * {@link #tokenFor} mint the tokens a resource server must refuse.
 */
public final class TestJwts {

    public static final String ISSUER = "http://issuer.test.tool-verdicts";
    /** The audience of every access token identity-service issues for the platform's APIs. */
    public static final String API_AUDIENCE = "toolverdicts-api";
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
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
        return sign(ACCESS_TOKEN, claims(subject, lifetime, roles).audience(API_AUDIENCE).build());
    }

    /** An access token with every role asked for but meant for another audience: no service may accept it. */
    public static String tokenFor(String audience, String subject, String... roles) {
        return sign(ACCESS_TOKEN, claims(subject, Duration.ofHours(1), roles).audience(audience).build());
    }

    /**
     * An OpenID Connect ID token ({@code typ: JWT}, {@code aud} the client) carrying roles, as a careless issuer would
     * mint it: it proves who signed in to a client and is no access token, so no service may accept it.
     */
    public static String idToken(String subject, String... roles) {
        return sign(JOSEObjectType.JWT, claims(subject, Duration.ofHours(1), roles).audience("gateway").build());
    }

    private static JWTClaimsSet.Builder claims(String subject, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .claim("name", subject);
    }

    private static String sign(JOSEObjectType type, JWTClaimsSet claims) {
        try {
            RSAKey signingKey = key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type)
                    .keyID(signingKey.getKeyID()).build(), claims);
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
