package dev.toolverdicts.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a person in through the identity service's real login form and returns their tokens: the OAuth2
 * authorization-code flow with PKCE (S256) as a public client, done with the JDK's {@link HttpClient} and a cookie
 * jar: GET /oauth2/authorize → login page (CSRF token) → POST /login → redirects → {@code code} → POST
 * /oauth2/token with the verifier. No dependency beyond the JDK, so scripts and other modules can copy it as is.
 * <pre>{@code
 * String token = new PkceLogin(URI.create("http://localhost:9000"), "dev-cli",
 *         URI.create("http://127.0.0.1:8079/callback")).accessToken("editor@toolverdicts.dev", "demo-password-2026");
 * }</pre>
 */
public final class PkceLogin {

    /** What the token endpoint returned; {@code idToken} is present when the {@code openid} scope was granted. */
    public record Tokens(String accessToken, String idToken, long expiresInSeconds, String scope) {
    }

    /** The login form rejected the credentials (wrong password, unknown or unconfirmed address). */
    public static final class LoginFailedException extends RuntimeException {
        public LoginFailedException(String message) {
            super(message);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REDIRECTS = 10;

    private final URI issuer;
    private final String clientId;
    private final URI redirectUri;
    private final String scope;

    public PkceLogin(URI issuer, String clientId, URI redirectUri) {
        this(issuer, clientId, redirectUri, "openid profile email");
    }

    public PkceLogin(URI issuer, String clientId, URI redirectUri, String scope) {
        this.issuer = URI.create(issuer.toString().replaceAll("/+$", ""));
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.scope = scope;
    }

    /** Signs in and returns the access token (a JWT). */
    public String accessToken(String email, String password) {
        return login(email, password).accessToken();
    }

    /** Signs in as {@code email} in a fresh browser session and exchanges the code for tokens. */
    public Tokens login(String email, String password) {
        return login(newBrowser(), email, password);
    }

    /** A browser as {@link #login(HttpClient, String, String)} needs it: a cookie jar, redirects not followed. */
    public static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs in as {@code email} in this browser, which keeps the identity session for what the test does next. */
    public Tokens login(HttpClient http, String email, String password) {
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        try {
            URI authorize = URI.create(issuer + "/oauth2/authorize?" + form(Map.of(
                    "response_type", "code",
                    "client_id", clientId,
                    "redirect_uri", redirectUri.toString(),
                    "scope", scope,
                    "state", state,
                    "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256")));
            HttpResponse<String> loginPage = followToPage(http, get(http, authorize));
            Matcher csrf = CSRF.matcher(loginPage.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no login form with a CSRF token at " + loginPage.uri()
                        + " (status " + loginPage.statusCode() + ")");
            }
            HttpResponse<String> afterLogin = send(http, HttpRequest.newBuilder(issuer.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                            "username", email, "password", password, "_csrf", csrf.group(1)))))
                    .build());
            URI callback = followToCallback(http, afterLogin);
            Map<String, String> query = query(callback);
            if (query.containsKey("error")) {
                throw new IllegalStateException("authorization failed: " + query);
            }
            if (!state.equals(query.get("state"))) {
                throw new IllegalStateException("state mismatch in " + callback);
            }
            return exchange(http, query.get("code"), verifier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Tokens exchange(HttpClient http, String code, String verifier) throws IOException, InterruptedException {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirectUri.toString(),
                        "client_id", clientId,
                        "code_verifier", verifier))))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": "
                    + response.body());
        }
        String body = response.body();
        return new Tokens(jsonString(body, "access_token").orElseThrow(), jsonString(body, "id_token").orElse(null),
                jsonNumber(body, "expires_in"), jsonString(body, "scope").orElse(""));
    }

    /** Follows redirects inside the issuer until a page is served (the login form). */
    private HttpResponse<String> followToPage(HttpClient http, HttpResponse<String> response)
            throws IOException, InterruptedException {
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(response); i++) {
            response = get(http, location(response));
        }
        return response;
    }

    /** Follows redirects after the form POST until the one to the client's redirect URI, which is not fetched. */
    private URI followToCallback(HttpClient http, HttpResponse<String> response)
            throws IOException, InterruptedException {
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            if (!isRedirect(response)) {
                throw new IllegalStateException("expected a redirect, got " + response.statusCode() + " at "
                        + response.uri());
            }
            URI next = location(response);
            if (next.toString().startsWith(redirectUri.toString())) {
                return next;
            }
            if (next.getPath().equals("/login") && next.getQuery() != null && next.getQuery().contains("error")) {
                throw new LoginFailedException("login rejected for this email and password");
            }
            response = get(http, next);
        }
        throw new IllegalStateException("too many redirects");
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent();
    }

    private static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Optional<String> jsonString(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static long jsonNumber(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
