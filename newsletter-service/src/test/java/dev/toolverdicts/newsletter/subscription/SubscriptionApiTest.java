package dev.toolverdicts.newsletter.subscription;

import static dev.toolverdicts.newsletter.Http.json;
import static dev.toolverdicts.newsletter.Http.pathOf;
import static dev.toolverdicts.newsletter.Http.problemField;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.toolverdicts.newsletter.Http;
import dev.toolverdicts.newsletter.Mails;
import dev.toolverdicts.newsletter.MutableClock;
import dev.toolverdicts.newsletter.TestClockConfig;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Double opt-in (confirmed by the link page's POST, never by opening the link), one-click unsubscribe,
 * resubscription and the sign-up limits, seen from the sign-up box and the inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newsletter.digest.cron=-")
@WithPostgres
@WithKafka
@WithJwtIssuer
@Import(TestClockConfig.class)
class SubscriptionApiTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> GREEN_MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private Http http;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        GREEN_MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void subscribingSendsASignedLinkThatConfirmsTheAddress() throws Exception {
        String email = unique("ada");
        HttpResponse<String> answer = subscribe("  " + email.toUpperCase() + " ");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(status(email)).isEqualTo("PENDING");

        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your Tool Verdicts subscription");
        assertThat(Mails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mails.listUnsubscribeUrl(mail)).startsWith("http://localhost:8080/api/newsletter/subscriptions/unsubscribe?token=");
        String confirm = Mails.link(Mails.text(mail), "/subscriptions/confirm");
        assertThat(Mails.html(mail)).contains(confirm.replace("&", "&amp;"));

        HttpResponse<String> opened = http.get(pathOf(confirm), null);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(json(opened).get("status").asString()).isEqualTo("VALID_LINK");
        HttpResponse<String> page = http.getHtml(pathOf(confirm));
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Confirm your subscription", "<form method=\"post\"",
                "action=\"" + confirm.replace("&", "&amp;") + "\"");
        assertThat(status(email)).as("opening the link (GET) changes nothing").isEqualTo("PENDING");

        HttpResponse<String> confirmed = confirm(confirm);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(status(email)).isEqualTo("CONFIRMED");
        assertThat(confirm(confirm).statusCode()).as("confirming again is fine").isEqualTo(200);
        assertThat(http.get(pathOf(confirm), null).statusCode()).as("following the link again is fine").isEqualTo(200);

        HttpResponse<String> fromPage = pressPageButton(pathOf(confirm));
        assertThat(fromPage.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(fromPage.body()).contains("You are subscribed");
    }

    @Test
    void theAnswerIsTheSameWhetherAnAddressIsNewPendingOrConfirmed() throws Exception {
        String confirmed = unique("known");
        subscribe(confirmed);
        confirm(Mails.link(Mails.text(onlyMailTo(confirmed)), "/subscriptions/confirm"));
        GREEN_MAIL.purgeEmailFromAllMailboxes();

        HttpResponse<String> forConfirmed = subscribe(confirmed);
        HttpResponse<String> forNew = subscribe(unique("stranger"));
        HttpResponse<String> forPendingAgain = subscribe(unique("stranger").replace("stranger", "stranger2"));

        assertThat(forConfirmed.statusCode()).isEqualTo(forNew.statusCode()).isEqualTo(202);
        assertThat(forConfirmed.body()).isEqualTo(forNew.body()).isEqualTo(forPendingAgain.body());
        assertThat(status(confirmed)).isEqualTo("CONFIRMED");
    }

    @Test
    void aConfirmationLinkExpires() throws Exception {
        String email = unique("late");
        subscribe(email);
        String confirm = Mails.link(Mails.text(onlyMailTo(email)), "/subscriptions/confirm");
        clock.advance(Duration.ofHours(49));
        try {
            HttpResponse<String> answer = http.get(pathOf(confirm), null);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(problemField(answer)).isEqualTo("token");
            assertThat(json(answer).get("detail").asString()).contains("expired");
            HttpResponse<String> posted = confirm(confirm);
            assertThat(posted.statusCode()).isEqualTo(400);
            assertThat(problemField(posted)).isEqualTo("token");
            assertThat(status(email)).isEqualTo("PENDING");
        } finally {
            clock.advance(Duration.ofHours(-49));
        }
    }

    @Test
    void oneClickUnsubscribeFromTheListUnsubscribeHeaderThenResubscribe() throws Exception {
        String email = unique("grace");
        subscribe(email);
        MimeMessage first = onlyMailTo(email);
        confirm(Mails.link(Mails.text(first), "/subscriptions/confirm"));
        String unsubscribe = Mails.listUnsubscribeUrl(first);

        HttpResponse<String> look = http.get(pathOf(unsubscribe), null);
        assertThat(look.statusCode()).isEqualTo(200);
        assertThat(status(email)).as("following the link (GET) changes nothing").isEqualTo("CONFIRMED");
        assertThat(http.getHtml(pathOf(unsubscribe)).body()).contains("<form method=\"post\"")
                .contains("List-Unsubscribe");

        HttpResponse<String> oneClick = http.postOneClick(pathOf(unsubscribe));
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        assertThat(http.postOneClick(pathOf(unsubscribe)).statusCode()).as("idempotent").isEqualTo(200);

        GREEN_MAIL.purgeEmailFromAllMailboxes();
        assertThat(subscribe(email).statusCode()).isEqualTo(202);
        assertThat(status(email)).isEqualTo("PENDING");
        String again = Mails.link(Mails.text(onlyMailTo(email)), "/subscriptions/confirm");
        assertThat(confirm(again).statusCode()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("CONFIRMED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\": \"\"}", "{\"email\": \"not-an-address\"}", "{\"email\": \"a@b\"}",
            "{}", "{\"email\": \"ok@example.com\", \"name\": \"extra\"}", "{\"email\": 42}"})
    void badInputIsAProblemNamingTheField(String body) throws Exception {
        HttpResponse<String> answer = http.postJson("/api/newsletter/subscriptions", null, body);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(problemField(answer)).isIn("email", "name");
    }

    @Test
    void anAddressTooLongOrABodyThatIsNotJsonIsRejected() throws Exception {
        String tooLong = "a".repeat(250) + "@example.com";
        HttpResponse<String> answer = http.postJson("/api/newsletter/subscriptions", null,
                "{\"email\": \"" + tooLong + "\"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(problemField(answer)).isEqualTo("email");
        HttpResponse<String> malformed = http.postJson("/api/newsletter/subscriptions", null, "{\"email\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(problemField(malformed)).isEqualTo("body");
    }

    @Test
    void aForgedOrMissingTokenIsAProblemNamingTheToken() throws Exception {
        for (String path : new String[] {
                "/api/newsletter/subscriptions/confirm?token=abc.def",
                "/api/newsletter/subscriptions/confirm",
                "/api/newsletter/subscriptions/unsubscribe?token=" + UUID.randomUUID()}) {
            HttpResponse<String> answer = http.get(path, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(problemField(answer)).as(path).isEqualTo("token");
        }
        HttpResponse<String> forged = http.postOneClick("/api/newsletter/subscriptions/unsubscribe?token=x.y");
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<String> forgedConfirm = http.postJson("/api/newsletter/subscriptions/confirm?token=abc.def",
                null, "");
        assertThat(forgedConfirm.statusCode()).isEqualTo(400);
        assertThat(problemField(forgedConfirm)).isEqualTo("token");
    }

    @Test
    void adminEndpointsNeedAdminOrTheNewsletterClient() throws Exception {
        assertThat(http.get("/api/newsletter/admin/preview", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/newsletter/admin/preview", TestJwts.token("member-1", "MEMBER")).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/newsletter/admin/preview", TestJwts.token("admin-1", "ADMIN")).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/newsletter/admin/preview", TestJwts.token("job", "NEWSLETTER")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void signUpsAreLimitedPerTargetMailboxAndPerClientAddressWith429AndRetryAfter() throws Exception {
        String target = unique("bombed");
        for (int i = 0; i < 5; i++) {
            assertThat(subscribeFrom("198.51.100." + (20 + i), target).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> sixth = subscribeFrom("198.51.100.99", target);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(json(sixth).get("status").asInt()).isEqualTo(429);

        String address = "203.0.113.50";
        for (int i = 0; i < 10; i++) {
            assertThat(subscribeFrom(address, unique("reader" + i)).statusCode()).isEqualTo(202);
        }
        String next = unique("one-too-many");
        assertThat(subscribeFrom(address, next).statusCode()).isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from subscriber where email = ?").param(next).query(Long.class)
                .single()).as("nothing stored").isZero();
        assertThat(subscribeFrom("203.0.113.51", next).statusCode()).as("another address still may").isEqualTo(202);
        assertThat(GREEN_MAIL.waitForIncomingEmail(20_000, 12))
                .as("one mail for the bombed mailbox, ten readers and the last one; none left in flight").isTrue();
    }

    /** What the page's button (or an API client) sends to confirm: a POST to the link itself. */
    private HttpResponse<String> confirm(String link) throws Exception {
        return http.postJson(pathOf(link), null, "");
    }

    /** What a browser sends when the link page's button is pressed: a form POST that accepts HTML. */
    private HttpResponse<String> pressPageButton(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A sign-up as the gateway forwards it for a browser at {@code clientAddress}. */
    private HttpResponse<String> subscribeFrom(String clientAddress, String email) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/newsletter/subscriptions"))
                .header("X-Forwarded-For", clientAddress).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> subscribe(String email) throws Exception {
        return http.postJson("/api/newsletter/subscriptions", null, "{\"email\": \"" + email + "\"}");
    }

    private String status(String email) {
        return jdbc.sql("select status from subscriber where email = ?").param(email.trim().toLowerCase())
                .query(String.class).single();
    }

    private static MimeMessage onlyMailTo(String email) {
        assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 1)).as("a mail arrives").isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessagesForDomain(email);
        assertThat(received).hasSize(1);
        return Arrays.stream(received).findFirst().orElseThrow();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
