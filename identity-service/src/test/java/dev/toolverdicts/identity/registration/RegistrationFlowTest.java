package dev.toolverdicts.identity.registration;

import dev.toolverdicts.testsupport.PkceLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.toolverdicts.identity.FreePorts;
import dev.toolverdicts.identity.ResourceServers;

import dev.toolverdicts.testsupport.WithPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Member self-registration end to end, with a real SMTP server (GreenMail): register → mail → verification link →
 * the confirmation page's POST → sign in through the login form → a token with {@code roles} ["MEMBER"] and
 * {@code sub} = the new user's id; and the ways it must refuse: unconfirmed sign-in, enumeration through duplicate
 * registrations, pre-hijacking through a second registration, confirmation by a mere GET, bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "identity.throttle.registration-per-address.capacity=1000")
@ActiveProfiles("dev")
@WithPostgres
class RegistrationFlowTest {

    private static final int PORT = FreePorts.next();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final int SMTP_PORT = FreePorts.next();
    private static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("(http://\\S+/verify\\?token=\\S+)");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("identity.issuer", () -> BASE);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewMemberConfirmsTheirAddressSignsInAndGetsAMemberToken() throws Exception {
        String email = uniqueEmail();
        assertThat(registerViaApi(email, PASSWORD, "Nora Newcomer").statusCode()).isEqualTo(202);
        UUID id = userId(email);

        String link = verificationLink(mailsTo(email).getFirst());
        assertThat(link).startsWith(BASE + "/verify?token=" + id + ".");
        HttpResponse<String> verified = confirm(link, PASSWORD);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Your address is confirmed");
        assertThat(confirm(link, PASSWORD).body()).as("the link again").contains("already confirmed");
        assertThat(get(link).body()).as("the link opened again").contains("already confirmed");

        Jwt token = decode(login().accessToken(email.toUpperCase(), PASSWORD));
        assertThat(token.getSubject()).isEqualTo(id.toString());
        assertThat(token.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(token.getClaimAsString("name")).isEqualTo("Nora Newcomer");
        assertThat(token.getClaimAsString("email")).isEqualTo(email);
        assertThatThrownBy(() -> login().accessToken(email, "a wrong password entirely"))
                .isInstanceOf(PkceLogin.LoginFailedException.class);
    }

    @Test
    void theRegistrationPageSendsTheSameLinkAndAnUnconfirmedMemberCannotSignIn() throws Exception {
        String email = uniqueEmail();
        HttpResponse<String> posted = postRegistrationForm(Map.of("email", email, "displayName", "Pat Pending",
                "password", PASSWORD));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/register/sent");
        assertThat(mailsTo(email)).hasSize(1);

        assertThatThrownBy(() -> login().accessToken(email, PASSWORD))
                .isInstanceOf(PkceLogin.LoginFailedException.class);

        confirm(verificationLink(mailsTo(email).getFirst()), PASSWORD);
        assertThat(decode(login().accessToken(email, PASSWORD)).getSubject()).isEqualTo(userId(email).toString());
    }

    @Test
    void registeringAKnownAddressLooksExactlyLikeRegisteringANewOne() throws Exception {
        String known = uniqueEmail();
        HttpResponse<String> first = registerViaApi(known, PASSWORD, "Kim Known");
        confirm(verificationLink(mailsTo(known).getFirst()), PASSWORD);
        String fresh = uniqueEmail();

        HttpResponse<String> again = registerViaApi(known, "another long passphrase", "Kim Again");
        HttpResponse<String> brandNew = registerViaApi(fresh, PASSWORD, "Fay Fresh");

        assertThat(List.of(first, again, brandNew)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo(brandNew.body());
        });
        assertThat(count("select count(*) from app_user where email = '" + known + "'")).isEqualTo(1);
        List<MimeMessage> toKnown = mailsTo(known);
        assertThat(toKnown).hasSize(2);
        assertThat(toKnown.get(1).getSubject()).contains("already have");
        assertThat(GreenMailUtil.getBody(toKnown.get(1))).doesNotContain("/verify");
        assertThat(decode(login().accessToken(known, PASSWORD)).getClaimAsString("name"))
                .as("the account is unchanged").isEqualTo("Kim Known");

        HttpResponse<String> pageForKnown = postRegistrationForm(Map.of("email", known, "displayName", "Kim",
                "password", PASSWORD));
        HttpResponse<String> pageForNew = postRegistrationForm(Map.of("email", uniqueEmail(), "displayName", "New",
                "password", PASSWORD));
        assertThat(pageForKnown.statusCode()).isEqualTo(pageForNew.statusCode()).isEqualTo(302);
        assertThat(pageForKnown.headers().firstValue("Location")).isEqualTo(pageForNew.headers().firstValue("Location"));
    }

    @Test
    void aForgedOrTamperedLinkConfirmsNothing() throws Exception {
        String email = uniqueEmail();
        registerViaApi(email, PASSWORD, "Tess Tamper");
        String link = verificationLink(mailsTo(email).getFirst());

        assertThat(get(link.substring(0, link.length() - 2) + "xx").statusCode()).isEqualTo(400);
        assertThat(confirm(link.substring(0, link.length() - 2) + "xx", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(get(BASE + "/verify?token=nonsense").body()).contains("This link is not valid");
        assertThat(get(BASE + "/verify").statusCode()).isEqualTo(400);
        assertThat(count("select count(*) from app_user where email = '" + email
                + "' and email_verified_at is null")).isEqualTo(1);
    }

    @Test
    void openingTheVerificationLinkChangesNothingOnlyThePagesPostConfirms() throws Exception {
        String email = uniqueEmail();
        registerViaApi(email, PASSWORD, "Sam Scanner");
        String link = verificationLink(mailsTo(email).getFirst());
        String hash = passwordHash(email);

        HttpResponse<String> page = get(link);
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm your address", "method=\"post\"", "name=\"_csrf\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from app_user where email = '" + email
                + "' and email_verified_at is null")).as("still unconfirmed").isEqualTo(1);
        assertThat(passwordHash(email)).isEqualTo(hash);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/verify")).header("Content-Type",
                        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "token=" + link.substring(link.indexOf("token=") + 6) + "&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a POST without the page's CSRF token")
                .isEqualTo(403);
        assertThat(count("select count(*) from app_user where email = '" + email
                + "' and email_verified_at is null")).isEqualTo(1);
    }

    @Test
    void aSecondRegistrationCannotChangeAnUnconfirmedAccountsPasswordOrName() throws Exception {
        String victim = uniqueEmail();
        String attackers = "attacker chosen passphrase";
        registerViaApi(victim, attackers, "Mallory");
        String hash = passwordHash(victim);

        assertThat(registerViaApi(victim, PASSWORD, "Victor Victim").statusCode()).isEqualTo(202);

        assertThat(passwordHash(victim)).as("the pending password is untouched").isEqualTo(hash);
        assertThat(jdbc.sql("select display_name from app_user where email = ?").param(victim).query(String.class)
                .single()).isEqualTo("Mallory");
        List<MimeMessage> mails = mailsTo(victim);
        assertThat(mails).hasSize(2);
        assertThat(confirm(verificationLink(mails.get(1)), PASSWORD).body()).contains("Your address is confirmed");
        assertThat(decode(login().accessToken(victim, PASSWORD)).getSubject()).isEqualTo(userId(victim).toString());
        assertThatThrownBy(() -> login().accessToken(victim, attackers))
                .as("the password registered by someone else never works").isInstanceOf(PkceLogin.LoginFailedException.class);
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesIsAFieldErrorNeverA500() throws Exception {
        String tooLong = "ü".repeat(37);
        String email = uniqueEmail();

        HttpResponse<String> api = registerViaApi(email, tooLong, "Lena Long");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(api.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("password");
        assertThat(api.body()).contains("72 bytes");
        HttpResponse<String> form = postRegistrationForm(Map.of("email", email, "displayName", "Lena Long",
                "password", tooLong));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("72 bytes");
        assertThat(count("select count(*) from app_user where email = '" + email + "'")).isZero();

        registerViaApi(email, PASSWORD, "Lena Long");
        HttpResponse<String> confirmPage = confirm(verificationLink(mailsTo(email).getFirst()), tooLong);
        assertThat(confirmPage.statusCode()).isEqualTo(400);
        assertThat(confirmPage.body()).contains("72 bytes");
        assertThatThrownBy(() -> login().accessToken(email, tooLong))
                .isInstanceOf(PkceLogin.LoginFailedException.class);
    }

    static Stream<Arguments> badApiInput() {
        return Stream.of(
                Arguments.of("missing email", "{\"password\": \"%s\", \"displayName\": \"Al\"}".formatted(PASSWORD),
                        "email"),
                Arguments.of("malformed email", body("not-an-address", PASSWORD, "Al"), "email"),
                Arguments.of("short password", body("short@toolverdicts.test", "too-short", "Al"), "password"),
                Arguments.of("password with the address", body("rosalind@toolverdicts.test",
                        "rosalind-is-my-password", "Ro"), "password"),
                Arguments.of("common password", body("common@toolverdicts.test", "password1234", "Co"), "password"),
                Arguments.of("blank display name", body("blank@toolverdicts.test", PASSWORD, "   "), "displayName"),
                Arguments.of("unknown field", "{\"email\": \"u@toolverdicts.test\", \"password\": \"%s\", "
                        .formatted(PASSWORD) + "\"displayName\": \"U\", \"role\": \"ADMIN\"}", "role"),
                Arguments.of("malformed JSON", "{\"email\": ", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApiInput")
    void badApiInputIsAProblemNamingTheFieldAndStoresNothing(String why, String json, String field)
            throws Exception {
        long users = count("select count(*) from app_user");
        int mails = MAIL.getReceivedMessages().length;

        HttpResponse<String> response = postJson("/api/identity/registrations", json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        assertThat(count("select count(*) from app_user")).isEqualTo(users);
        assertThat(MAIL.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void badFormInputRedisplaysThePageWithTheFieldMarkedAndStoresNothing() throws Exception {
        long users = count("select count(*) from app_user");

        HttpResponse<String> response = postRegistrationForm(Map.of("email", "not-an-address",
                "displayName", "Vera Valid", "password", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("is not a valid email address")
                .contains("must be 12 to 128 characters")
                .contains("id=\"email\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"Vera Valid\"")
                .doesNotContain("value=\"short\"");
        assertThat(count("select count(*) from app_user")).isEqualTo(users);
    }

    @Test
    void thePagesAreServedInTheProductsLook() throws Exception {
        for (String page : List.of("/login", "/register", "/register/sent")) {
            HttpResponse<String> response = get(BASE + page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains("<main", "<h1", "/css/identity.css")
                    .doesNotContain("<script", "style=");
        }
        assertThat(get(BASE + "/login").body()).contains("<label for=\"username\">", "<label for=\"password\">");
        assertThat(get(BASE + "/css/identity.css").statusCode()).isEqualTo(200);
    }

    private static PkceLogin login() {
        return new PkceLogin(URI.create(BASE), "dev-cli", URI.create("http://127.0.0.1:8079/callback"));
    }

    private static Jwt decode(String token) {
        return ResourceServers.decoder(BASE).decode(token);
    }

    private static String uniqueEmail() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8) + "@toolverdicts.test";
    }

    private static String body(String email, String password, String displayName) {
        return "{\"email\": \"%s\", \"password\": \"%s\", \"displayName\": \"%s\"}".formatted(email, password,
                displayName);
    }

    private HttpResponse<String> registerViaApi(String email, String password, String displayName)
            throws Exception {
        return postJson("/api/identity/registrations", body(email, password, displayName));
    }

    private static HttpResponse<String> postJson(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the registration page's form like a browser: first GET for the session and CSRF token. */
    private static HttpResponse<String> postRegistrationForm(Map<String, String> fields) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/register")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the registration page").isTrue();
        String form = Stream.concat(fields.entrySet().stream(), Stream.of(Map.entry("_csrf", csrf.group(1))))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(BASE + "/register"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the verification link like a browser and presses the page's button with this password. */
    private static HttpResponse<String> confirm(String link, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            csrf = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"").matcher(browser.send(
                    HttpRequest.newBuilder(URI.create(BASE + "/register")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(csrf.find()).isTrue();
        }
        String token = URI.create(link).getRawQuery() == null ? "" : URI.create(link).getRawQuery().substring(6);
        String form = "token=" + token + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(BASE + "/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String passwordHash(String email) {
        return jdbc.sql("select password_hash from app_user where email = ?").param(email).query(String.class)
                .single();
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String verificationLink(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("a verification link in the mail").isTrue();
        return link.group(1);
    }

    private UUID userId(String email) {
        return jdbc.sql("select id from app_user where email = ?").param(email).query(UUID.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
