package dev.toolverdicts.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.toolverdicts.identity.FreePorts;
import dev.toolverdicts.identity.IdentityApplication;
import dev.toolverdicts.servicedefaults.security.Role;
import dev.toolverdicts.identity.user.UserAccount;
import dev.toolverdicts.identity.user.UserRepository;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public door's limits against the running server, with client addresses given as the ingress would
 * ({@code X-Forwarded-For} from a loopback proxy): credential stuffing locks the account and runs the address out
 * of attempts while other people keep signing in; the answers never tell a known account from an unknown one;
 * registration mails are limited per mailbox and per address with 429 + {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "identity.throttle.login-per-address.capacity=20", "identity.throttle.login-per-address.period=10m",
    "identity.throttle.registration-per-address.capacity=5", "identity.throttle.registration-per-address.period=1h",
    "identity.throttle.registration-per-mailbox.capacity=3"})
@ActiveProfiles("dev")
@WithPostgres
class SignInThrottlingTest {

    private static final int PORT = FreePorts.next();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final int SMTP_PORT = FreePorts.next();
    private static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

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
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void twentyWrongPasswordsLockTheAccountAndSlowTheAddressWhileAnotherAccountStillSignsIn() throws Exception {
        String victim = member();
        String other = member();
        String attacker = "203.0.113.7";

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> answer = signIn(attacker, victim, "wrong password number " + i);
            answers.add(answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""));
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo("302 " + BASE + "/login?error"));
        HttpResponse<String> slowed = signIn(attacker, other, PASSWORD);
        assertThat(slowed.statusCode()).as("the address is out of attempts").isEqualTo(429);
        assertThat(Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(slowed.body()).contains("Too many sign-in attempts");

        assertThat(isSignedIn(signIn("198.51.100.9", victim, PASSWORD)))
                .as("the right password does not open a locked account").isFalse();
        assertThat(jdbc.sql("select locked_until from login_attempt where account_key = ?").param(victim)
                .query(Timestamp.class).single().toInstant()).isAfter(Instant.now());
        assertThat(isSignedIn(signIn("198.51.100.9", other, PASSWORD))).as("another account signs in").isTrue();
        assertThat(isSignedIn(signIn("192.0.2.44", member(), PASSWORD))).isTrue();
    }

    /** The counts live in identity's PostgreSQL, not in an instance: a second instance goes on where the first left. */
    @Test
    void aSecondInstanceOnTheSameDatabaseKeepsTheLockAndTheAddressLimit() throws Exception {
        String victim = member();
        String attacker = "203.0.113.50";
        for (int i = 0; i < 20; i++) {
            signIn(BASE, attacker, victim, "wrong password number " + i);
        }

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0", "--spring.profiles.active=dev", "--identity.issuer=" + BASE,
                "--spring.mail.port=" + SMTP_PORT,
                "--identity.throttle.login-per-address.capacity=20", "--identity.throttle.login-per-address.period=10m",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"))) {
            String secondBase = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> slowed = signIn(secondBase, attacker, member(), PASSWORD);
            assertThat(slowed.statusCode()).as("the address is out of attempts at the other instance too")
                    .isEqualTo(429);
            assertThat(isSignedIn(signIn(secondBase, "198.51.100.60", victim, PASSWORD)))
                    .as("the account is locked at the other instance too").isFalse();
            assertThat(isSignedIn(signIn(secondBase, "198.51.100.60", member(), PASSWORD))).isTrue();
        }
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeAKnownOneAllTheWayToTheLock() throws Exception {
        String known = member();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@toolverdicts.test";

        List<String> forKnown = new ArrayList<>();
        List<String> forUnknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            forKnown.add(outcome(signIn("203.0.113.20", known, "not the password " + i)));
            forUnknown.add(outcome(signIn("203.0.113.21", unknown, "not the password " + i)));
        }

        assertThat(forUnknown).isEqualTo(forKnown);
        assertThat(jdbc.sql("select count(*) from login_attempt where account_key in (?, ?) and locked_until > now()")
                .params(known, unknown).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFewWrongPasswordsThenTheRightOneSignsInAndStartsAfresh() throws Exception {
        String email = member();
        signIn("203.0.113.30", email, "first wrong try");
        signIn("203.0.113.30", email, "second wrong try");

        assertThat(isSignedIn(signIn("203.0.113.30", email, PASSWORD))).isTrue();
        assertThat(jdbc.sql("select count(*) from login_attempt where account_key = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void registrationMailsToOneMailboxAreLimitedWhateverTheSendingAddress() throws Exception {
        String target = "target-" + UUID.randomUUID().toString().substring(0, 8) + "@toolverdicts.test";
        for (int i = 0; i < 3; i++) {
            assertThat(register("198.51.100." + (10 + i), target).statusCode()).isEqualTo(202);
        }
        int mails = MAIL.getReceivedMessages().length;

        HttpResponse<String> fourth = register("198.51.100.99", target);

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(JSON.readTree(fourth.body()).get("status").asInt()).isEqualTo(429);
        assertThat(MAIL.getReceivedMessages()).hasSize(mails);
        assertThat(jdbc.sql("select count(*) from app_user where email = ?").param(target).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void oneAddressCanRegisterOnlySoManyMailboxes() throws Exception {
        String address = "203.0.113.40";
        for (int i = 0; i < 5; i++) {
            assertThat(register(address, "many-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@toolverdicts.test").statusCode()).isEqualTo(202);
        }
        String next = "many-" + UUID.randomUUID().toString().substring(0, 8) + "@toolverdicts.test";

        assertThat(register(address, next).statusCode()).isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from app_user where email = ?").param(next).query(Long.class)
                .single()).isZero();
        assertThat(register("203.0.113.41", next).statusCode()).as("another address still may").isEqualTo(202);
    }

    private String member() {
        String email = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@toolverdicts.test";
        users.insert(new UserAccount(UUID.randomUUID(), email, "Member", passwordEncoder.encode(PASSWORD),
                EnumSet.of(Role.MEMBER), Instant.now()));
        return email;
    }

    private static String outcome(HttpResponse<String> answer) {
        return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
    }

    private static boolean isSignedIn(HttpResponse<String> answer) {
        return answer.statusCode() == 302
                && !answer.headers().firstValue("Location").orElse("").contains("error");
    }

    /** Posts the login form like a browser behind the ingress at {@code clientAddress}. */
    private static HttpResponse<String> signIn(String clientAddress, String email, String password) throws Exception {
        return signIn(BASE, clientAddress, email, password);
    }

    private static HttpResponse<String> signIn(String base, String clientAddress, String email, String password)
            throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-For", clientAddress).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = Map.of("username", email, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-For", clientAddress)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> register(String clientAddress, String email) throws Exception {
        String body = "{\"email\": \"%s\", \"password\": \"%s\", \"displayName\": \"Reg\"}".formatted(email, PASSWORD);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/api/identity/registrations"))
                .header("X-Forwarded-For", clientAddress).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
