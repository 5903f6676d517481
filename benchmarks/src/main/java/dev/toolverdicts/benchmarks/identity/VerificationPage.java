package dev.toolverdicts.benchmarks.identity;

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
 * Confirms a registration as its mailbox holder does: opening the mailed link only shows identity's page (it changes
 * nothing, since mail scanners fetch links), whose form then posts the token, the password and the page's CSRF token.
 */
final class VerificationPage {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

    private VerificationPage() {
    }

    /** Returns the status of the confirming POST (200 once the address is confirmed). */
    static int confirm(String link, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI page = URI.create(link);
        try {
            HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(page).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(opened.body());
            if (opened.statusCode() != 200 || !csrf.find()) {
                return opened.statusCode() == 200 ? 500 : opened.statusCode();
            }
            String token = page.getQuery().substring("token=".length());
            String form = "token=" + token + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> confirmed = browser.send(HttpRequest.newBuilder(page.resolve("/verify"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return confirmed.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("confirming through " + page.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
