package dev.toolverdicts.devstack.multi;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signed in at the gateway the way a person signs in (the gateway's OAuth2 login, the identity service's
 * form), holding only cookies: the gateway's {@code SESSION} and identity's {@code IDSESSION}.
 */
final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI site;

    /** {@code site} as the browser knows it, e.g. http://localhost:8080. */
    BrowserSession(URI site) {
        this.site = site;
    }

    void signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = get(site.resolve("/oauth2/authorization/identity"));
        for (int i = 0; i < 10 && isRedirect(response); i++) {
            response = get(location(response));
        }
        Matcher csrf = CSRF.matcher(response.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + response.uri() + " (" + response.statusCode() + ")");
        }
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        response = http.send(HttpRequest.newBuilder(response.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 10 && isRedirect(response); i++) {
            URI next = location(response);
            if (next.getPath().equals("/login") && next.getQuery() != null && next.getQuery().contains("error")) {
                throw new IllegalStateException("login rejected for " + email);
            }
            response = get(next);
            if (next.getPort() == site.getPort() && !isRedirect(response)) {
                return;
            }
        }
        if (response.uri().getPort() != site.getPort()) {
            throw new IllegalStateException("sign-in did not come back to the site: " + response.uri());
        }
    }

    /** A GET as the signed-in browser sends it (cookies only), to a path of the site. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(site.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent();
    }

    private static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
