package dev.toolverdicts.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.identity.IdentityApplication;
import dev.toolverdicts.testsupport.PkceLogin;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of identity-service on one database, with no session affinity in front of them (the browser's
 * cookies go to both, as behind a balancer): a sign-in that one instance started (the authorization request it saved
 * in the login session, the login form's CSRF token) is finished by the other, which hands out the authorization
 * code. Holds only because the login session is in PostgreSQL (Spring Session JDBC): with sessions in the instance's
 * memory the second instance knows neither the CSRF token nor the saved request.
 */
class LoginSessionAcrossInstancesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final String CALLBACK = "http://127.0.0.1:8079/callback";

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        TestDatabase database = TestPostgres.newDatabase("identity_two_instances");
        first = start(database);
        second = start(database);
    }

    @AfterAll
    static void stopInstances() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void aSignInStartedOnOneInstanceIsFinishedOnTheOther() throws Exception {
        HttpClient browser = PkceLogin.newBrowser();
        URI one = base(first);
        URI two = base(second);
        URI authorize = one.resolve("/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "dev-cli", "redirect_uri", CALLBACK, "scope", "openid", "state", "state-17",
                "code_challenge", challenge("a-verifier-of-the-test-long-enough-for-pkce-0123456789"),
                "code_challenge_method", "S256")));

        HttpResponse<String> toLogin = get(browser, authorize);
        assertThat(toLogin.statusCode()).as("the first instance asks for a login").isEqualTo(302);
        HttpResponse<String> loginPage = get(browser, on(one, location(toLogin)));
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("a login form with a CSRF token: " + loginPage.statusCode()).isTrue();

        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(two.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "member1@toolverdicts.dev",
                        "password", "demo-password-2026", "_csrf", csrf.group(1)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as("the second instance accepts the form the first one served: "
                + loggedIn.headers().map()).isEqualTo(302);
        URI saved = location(loggedIn);
        assertThat(saved.getPath()).as("back to the authorization request the first instance saved")
                .isEqualTo("/oauth2/authorize");

        HttpResponse<String> toCallback = get(browser, on(two, saved));
        assertThat(toCallback.statusCode()).isEqualTo(302);
        String callback = location(toCallback).toString();
        assertThat(callback).as("the second instance hands out the code").startsWith(CALLBACK + "?code=")
                .contains("state=state-17");
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.profiles.active", "dev");
        properties.put("identity.demo-users.enabled", "true");
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        return new SpringApplicationBuilder(IdentityApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static URI base(ConfigurableApplicationContext instance) {
        return URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"));
    }

    /** The same path and query at {@code instance}: the browser's next request, as a balancer would route it. */
    private static URI on(URI instance, URI uri) {
        return instance.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location: " + response.statusCode() + " " + response.body())));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
