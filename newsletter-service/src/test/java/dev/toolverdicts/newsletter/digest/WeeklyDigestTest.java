package dev.toolverdicts.newsletter.digest;

import static dev.toolverdicts.newsletter.Http.json;
import static dev.toolverdicts.newsletter.Http.pathOf;
import static dev.toolverdicts.newsletter.Http.problemField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.newsletter.NewsletterIssueEvent;
import dev.toolverdicts.events.newsletter.NewsletterIssueStatus;
import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.review.VerdictStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.newsletter.Http;
import dev.toolverdicts.newsletter.Mails;
import dev.toolverdicts.newsletter.MutableClock;
import dev.toolverdicts.newsletter.TestClockConfig;
import dev.toolverdicts.testsupport.TopicReader;
import dev.toolverdicts.newsletter.delivery.DeliveryTestSeams;
import dev.toolverdicts.newsletter.delivery.IssueMail;
import dev.toolverdicts.newsletter.delivery.IssueSender;
import dev.toolverdicts.newsletter.feed.ChangeKind;
import dev.toolverdicts.newsletter.subscription.UnsubscribeLinks;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The weekly job end to end: feed events in, one issue per week out over real SMTP (GreenMail), crash and resume,
 * two instances racing, a quiet week, SMTP failures, the archive and the issue event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsletter.digest.cron=-",
        "newsletter.digest.lock-at-least-for=0s",
        "newsletter.delivery.batch-size=3",
        "newsletter.delivery.max-attempts=3",
        "newsletter.delivery.initial-backoff=10ms",
        "newsletter.delivery.max-backoff=40ms",
        "outbox.poll-interval=100ms"})
@WithPostgres
@WithKafka
@WithJwtIssuer
@Import({TestClockConfig.class, DeliveryTestSeams.class})
class WeeklyDigestTest {

    private static final int CONFIRMED = 7;
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

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

    @Autowired
    WeeklyDigestJob job;

    @Autowired
    DigestBuilder builder;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    IssueSender sender;

    @Autowired
    UnsubscribeLinks unsubscribeLinks;

    @Autowired
    DigestProperties properties;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    private static final EventProducer FEED = new EventProducer();
    private static final List<String> CONFIRMED_READERS = new ArrayList<>();
    private final List<String> confirmed = CONFIRMED_READERS;
    private Http http;

    @AfterAll
    static void closeFeed() {
        FEED.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        if (CONFIRMED_READERS.isEmpty()) {
            for (int i = 0; i < CONFIRMED; i++) {
                CONFIRMED_READERS.add(subscriber("reader-" + i, "CONFIRMED"));
            }
            subscriber("pending", "PENDING");
            subscriber("gone", "UNSUBSCRIBED");
        }
        http = new Http(port);
        GREEN_MAIL.purgeEmailFromAllMailboxes();
        DeliveryTestSeams.MAILS_BEFORE_CRASH.set(-1);
    }

    @Test
    void aRunKilledAfterNOfMMailsIsResumedByTheNextRunWhichSendsExactlyTheRest() throws Exception {
        String week = monday("2030-03-11", "w11");
        int crashAfter = 4;
        DeliveryTestSeams.MAILS_BEFORE_CRASH.set(crashAfter);

        assertThatThrownBy(job::run).isInstanceOf(DeliveryTestSeams.SimulatedCrash.class);
        assertThat(mailsOf(week)).hasSize(crashAfter);
        assertThat(states(week)).containsEntry("SENT", (long) crashAfter).doesNotContainKey("SENDING");

        DeliveryTestSeams.MAILS_BEFORE_CRASH.set(-1);
        GREEN_MAIL.purgeEmailFromAllMailboxes();
        WeeklyDigestJob.Result resumed = job.run();

        assertThat(resumed.outcome()).isEqualTo(WeeklyDigestJob.Outcome.SENT);
        List<MimeMessage> rest = mailsOf(week);
        assertThat(rest).as("exactly M - N mails on restart").hasSize(CONFIRMED - crashAfter);
        assertThat(resumed.report().sent()).isEqualTo(CONFIRMED);
        assertThat(resumed.report().inDoubt()).isZero();
        assertThat(states(week)).isEqualTo(Map.of("SENT", (long) CONFIRMED));
        assertThat(sentTo(week)).as("each reader once, in both runs together").containsExactlyInAnyOrderElementsOf(confirmed);

        assertThat(job.run().outcome()).isEqualTo(WeeklyDigestJob.Outcome.ALREADY_DONE);
        assertThat(mailsOf(week)).hasSize(CONFIRMED - crashAfter);

        List<ConsumerRecord<String, byte[]>> events = TopicReader.records(Topics.NEWSLETTER_ISSUE, week, 2);
        NewsletterIssueEvent opened = EventCodec.decode(events.get(0).value(), NewsletterIssueEvent.class);
        NewsletterIssueEvent sent = EventCodec.decode(events.get(1).value(), NewsletterIssueEvent.class);
        assertThat(opened.status()).isEqualTo(NewsletterIssueStatus.SENDING);
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.recipients()).isEqualTo(CONFIRMED);
        assertThat(sent.status()).isEqualTo(NewsletterIssueStatus.SENT);
        assertThat(sent.version()).isEqualTo(2);
        assertThat(sent.sent()).isEqualTo(CONFIRMED);
        assertThat(sent.itemCount()).isEqualTo(5);
    }

    @Test
    void theDigestReportsEachKindOfChangeWithLinksInTextAndHtmlAndOneClickUnsubscribe() throws Exception {
        String week = monday("2030-04-15", "w16");
        assertThat(job.run().outcome()).isEqualTo(WeeklyDigestJob.Outcome.SENT);

        MimeMessage mail = mailsOf(week).getFirst();
        String text = Mails.text(mail);
        assertThat(text)
                .contains("NEW MATCHUPS", "VERDICT FLIPS", "NEW VERDICTS", "BIG COMMUNITY SWINGS", "NEW TOOLS")
                .contains("Grace Buyer (buyer lens) flipped SmolVLM-3B w16 from SHIP to SKIP")
                .contains("Ben Builder (builder lens) says SHIP on Code Llama 4 w16")
                .contains("The community swung on SmolVLM-3B w16: 80% to 25% SHIP")
                .contains("New: SmolVLM-3B w16")
                .contains("http://localhost:8080/tools/smolvlm-3b-w16")
                .contains("http://localhost:8080/compare/smolvlm-3b-w16-vs-code-llama-4-w16")
                .doesNotContain("New: Code Llama 4 w16");
        String html = Mails.html(mail);
        assertThat(html).contains("href=\"http://localhost:8080/tools/code-llama-4-w16\"")
                .contains("href=\"http://localhost:8080/compare/smolvlm-3b-w16-vs-code-llama-4-w16\"")
                .doesNotContain(DigestRenderer.UNSUBSCRIBE_PLACEHOLDER);
        assertThat(Mails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = Mails.listUnsubscribeUrl(mail);
        assertThat(text).contains(unsubscribe).doesNotContain(DigestRenderer.UNSUBSCRIBE_PLACEHOLDER);
        assertThat(mailsOf(week).stream().map(m -> {
            try {
                return Mails.listUnsubscribeUrl(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).as("every reader gets a link of their own").hasSize(CONFIRMED);

        String reader = Mails.to(mail);
        try {
            assertThat(http.postOneClick(pathOf(unsubscribe)).statusCode()).isEqualTo(200);
            assertThat(statusOf(reader)).isEqualTo("UNSUBSCRIBED");
        } finally {
            jdbc.sql("update subscriber set status = 'CONFIRMED' where email = ?").param(reader).update();
        }

        HttpResponse<String> archive = http.get("/api/newsletter/issues", null);
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(json(archive).valueStream().map(issue -> issue.get("isoWeek").asString())).contains(week);
        HttpResponse<String> issue = http.get("/api/newsletter/issues/" + week, null);
        assertThat(issue.statusCode()).isEqualTo(200);
        assertThat(json(issue).get("sections").get(0).get("title").asString()).isEqualTo("New matchups");
        assertThat(json(issue).get("sections").get(1).get("items").get(0).get("url").asString())
                .isEqualTo("http://localhost:8080/tools/smolvlm-3b-w16");
    }

    @Test
    void twoInstancesRacingAtTheCronTimeMakeOneIssueAndMailEachReaderOnce() throws Exception {
        String week = monday("2030-05-20", "w21");
        ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
        try {
            WeeklyDigestJob otherInstance = new WeeklyDigestJob(lifecycle, sender, unsubscribeLinks,
                    JobLock.lockingExecutor(dataSource, keepAlive), properties, clock);
            CyclicBarrier cronTime = new CyclicBarrier(2);
            var first = CompletableFuture.supplyAsync(() -> runAt(cronTime, job), THREADS);
            var second = CompletableFuture.supplyAsync(() -> runAt(cronTime, otherInstance), THREADS);
            List<WeeklyDigestJob.Outcome> outcomes = List.of(first.get().outcome(), second.get().outcome());

            assertThat(outcomes).containsOnlyOnce(WeeklyDigestJob.Outcome.SENT);
            assertThat(outcomes).containsAnyOf(WeeklyDigestJob.Outcome.RUNNING_ELSEWHERE,
                    WeeklyDigestJob.Outcome.ALREADY_DONE);
        } finally {
            keepAlive.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from issue where iso_week = ?").param(week).query(Long.class).single())
                .isEqualTo(1);
        assertThat(sentTo(week)).containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(mailsOf(week)).hasSize(CONFIRMED);
    }

    @Test
    void twoSendersDrainingOneIssueWithoutTheLockStillMailEachReaderOnce() throws Exception {
        String week = monday("2030-06-10", "w24");
        Issue issue = lifecycle.open(IsoWeek.parse(week, "week"));
        var mail = new IssueMail(issue.isoWeek(), issue.subject(), issue.html(),
                issue.text(), DigestRenderer.UNSUBSCRIBE_PLACEHOLDER);
        CyclicBarrier start = new CyclicBarrier(2);
        var a = CompletableFuture.runAsync(() -> sendAt(start, mail), THREADS);
        var b = CompletableFuture.runAsync(() -> sendAt(start, mail), THREADS);
        CompletableFuture.allOf(a, b).get();

        assertThat(states(week)).isEqualTo(Map.of("SENT", (long) CONFIRMED));
        assertThat(mailsOf(week)).hasSize(CONFIRMED);
        assertThat(sentTo(week)).containsExactlyInAnyOrderElementsOf(confirmed);
    }

    @Test
    void aQuietWeekIsRecordedButNotMailedNorArchived() throws Exception {
        clock.set(Instant.parse("2030-07-29T09:00:00Z"));
        String week = "2030-W31";
        assertThat(builder.build(IsoWeek.parse(week, "week")).quiet()).isTrue();

        assertThat(job.run().outcome()).isEqualTo(WeeklyDigestJob.Outcome.QUIET);
        assertThat(job.run().outcome()).isEqualTo(WeeklyDigestJob.Outcome.QUIET);

        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("select status from issue where iso_week = ?").param(week).query(String.class).single())
                .isEqualTo("QUIET");
        assertThat(http.get("/api/newsletter/issues/" + week, null).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/api/newsletter/issues", null)).valueStream()
                .map(issue -> issue.get("isoWeek").asString())).doesNotContain(week);
        NewsletterIssueEvent event = EventCodec.decode(
                TopicReader.records(Topics.NEWSLETTER_ISSUE, week, 1).getFirst().value(), NewsletterIssueEvent.class);
        assertThat(event.status()).isEqualTo(NewsletterIssueStatus.QUIET);
        assertThat(event.itemCount()).isZero();
    }

    @Test
    void transientSmtpErrorsAreRetriedAndPermanentOnesRecorded() throws Exception {
        String flaky = subscriber("flaky-reader", "CONFIRMED");
        String bounce = subscriber("bounce-reader", "CONFIRMED");
        double permanentBefore = meters.get("newsletter.mails.failed").tag("kind", "permanent").counter().count();
        try {
            String week = monday("2030-10-07", "w41");
            WeeklyDigestJob.Result result = job.run();

            assertThat(result.outcome()).isEqualTo(WeeklyDigestJob.Outcome.SENT);
            assertThat(result.report().sent()).isEqualTo(CONFIRMED + 1);
            assertThat(result.report().failed()).isEqualTo(1);
            assertThat(sentTo(week)).contains(flaky).doesNotContain(bounce);
            assertThat(deliveryOf(week, flaky)).containsEntry("state", "SENT");
            Map<String, Object> bounced = deliveryOf(week, bounce);
            assertThat(bounced).containsEntry("state", "FAILED").containsEntry("attempts", 1);
            assertThat((String) bounced.get("last_error")).contains("550");
            assertThat(meters.get("newsletter.mails.failed").tag("kind", "permanent").counter().count())
                    .isEqualTo(permanentBefore + 1);
            assertThat(meters.get("newsletter.mails.sent").counter().count()).isGreaterThanOrEqualTo(CONFIRMED + 1);
            assertThat(meters.get("newsletter.issue.send.duration").timer().count()).isPositive();
        } finally {
            jdbc.sql("update subscriber set status = 'UNSUBSCRIBED' where email in (?, ?)").params(flaky, bounce)
                    .update();
        }
    }

    @Test
    void anAdminPreviewsTheComingIssueAndTriggersTheSendAndUnconfirmedAddressesGetNothing() throws Exception {
        monday("2030-11-04", "w45");
        String admin = TestJwts.token("admin-1", "ADMIN");

        HttpResponse<String> preview = http.get("/api/newsletter/admin/preview", admin);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(json(preview).get("isoWeek").asString()).isEqualTo("2030-W45");
        assertThat(json(preview).get("quiet").asBoolean()).isFalse();
        assertThat(json(preview).get("recipients").asLong()).isEqualTo(CONFIRMED);
        assertThat(json(preview).get("sections").size()).isEqualTo(5);
        assertThat(GREEN_MAIL.getReceivedMessages()).as("a preview mails nobody").isEmpty();

        HttpResponse<String> send = http.postJson("/api/newsletter/admin/send", admin, "");
        assertThat(send.statusCode()).isEqualTo(202);
        assertThat(json(send).get("isoWeek").asString()).isEqualTo("2030-W45");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(issueStatus("2030-W45")));

        assertThat(sentTo("2030-W45")).containsExactlyInAnyOrderElementsOf(confirmed)
                .noneMatch(email -> email.startsWith("pending") || email.startsWith("gone"));
        HttpResponse<String> again = http.postJson("/api/newsletter/admin/send", admin, "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("status").asString()).isEqualTo("SENT");
        assertThat(json(http.get("/api/newsletter/admin/preview", admin)).get("isoWeek").asString())
                .as("once this week's issue is out, the coming one is next week's").isEqualTo("2030-W46");
    }

    @Test
    void theArchiveRejectsAMalformedWeekNamingTheField() throws Exception {
        for (String bad : new String[] {"2030-W99", "2030-48", "latest"}) {
            HttpResponse<String> answer = http.get("/api/newsletter/issues/" + bad, null);
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(problemField(answer)).isEqualTo("isoWeek");
        }
        assertThat(http.get("/api/newsletter/issues/2031-W02", null).statusCode()).isEqualTo(404);
        assertThat(problemField(http.get("/api/newsletter/issues?limit=0", null))).isEqualTo("limit");
    }

    /**
     * Pins the clock to Monday 09:00 of an issue week and publishes a week of changes before it: a new tool, a new
     * verdict, a SHIP-to-SKIP flip, a community swing from 80% to 25% and a new matchup. Returns the ISO week.
     */
    private String monday(String day, String tag) {
        Instant issueDay = Instant.parse(day + "T09:00:00Z");
        Instant weekBefore = Instant.parse(day + "T00:00:00Z").minus(Duration.ofDays(7));
        UUID smol = UUID.randomUUID();
        UUID llama = UUID.randomUUID();
        String smolSlug = "smolvlm-3b-" + tag;
        String llamaSlug = "code-llama-4-" + tag;
        FEED.send(EventTypes.CATALOG_TOOL, tool(llama, llamaSlug, "Code Llama 4 " + tag, weekBefore.minus(Duration.ofDays(3))));
        FEED.send(EventTypes.CATALOG_TOOL, tool(smol, smolSlug, "SmolVLM-3B " + tag, weekBefore.plus(Duration.ofDays(1))));
        UUID flip = UUID.randomUUID();
        FEED.send(EventTypes.REVIEW_VERDICT, verdict(flip, 1, smol, smolSlug, "Grace Buyer", Lens.BUYER,
                ShipOrSkip.SHIP, weekBefore.minus(Duration.ofDays(2))));
        FEED.send(EventTypes.REVIEW_VERDICT, verdict(flip, 2, smol, smolSlug, "Grace Buyer", Lens.BUYER,
                ShipOrSkip.SKIP, weekBefore.plus(Duration.ofDays(2))));
        FEED.send(EventTypes.REVIEW_VERDICT, verdict(UUID.randomUUID(), 1, llama, llamaSlug, "Ben Builder",
                Lens.BUILDER, ShipOrSkip.SHIP, weekBefore.plus(Duration.ofDays(3))));
        FEED.send(EventTypes.VOTE_TALLY, new VoteTallyEvent(smol, 1, smolSlug, 8, 2, 0,
                weekBefore.minus(Duration.ofDays(1))));
        FEED.send(EventTypes.VOTE_TALLY, new VoteTallyEvent(smol, 2, smolSlug, 3, 9, 0,
                weekBefore.plus(Duration.ofDays(4))));
        UUID matchup = UUID.randomUUID();
        Instant published = weekBefore.plus(Duration.ofDays(5));
        FEED.send(EventTypes.CATALOG_MATCHUP, new MatchupEvent(matchup, 1, smolSlug + "-vs-" + llamaSlug,
                smol, smolSlug, llama, llamaSlug, "SmolVLM-3B vs Code Llama 4 (" + tag + ")", MatchupStatus.PUBLISHED,
                published, published));
        FEED.flush();
        clock.set(issueDay);
        IsoWeek week = IsoWeek.of(issueDay);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> builder.build(week).items().size() == 5);
        assertThat(builder.build(week).items()).extracting(DigestItem::kind).containsExactly(ChangeKind.values());
        return week.toString();
    }

    private static ToolEvent tool(UUID id, String slug, String name, Instant at) {
        return new ToolEvent(id, 1, slug, name, "Vendor", "Developer Tools", "A tagline for " + name, null,
                "Apache-2.0", ToolStatus.PUBLISHED, at);
    }

    private static VerdictEvent verdict(UUID id, long version, UUID toolId, String slug, String reviewer, Lens lens,
            ShipOrSkip call, Instant at) {
        return new VerdictEvent(id, version, toolId, slug, UUID.randomUUID(), reviewer, lens, call,
                "Take " + version + " of " + reviewer + ".", "2030-01", VerdictStatus.SUBMITTED, (int) version, at);
    }

    private WeeklyDigestJob.Result runAt(CyclicBarrier cronTime, WeeklyDigestJob instance) {
        try {
            cronTime.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return instance.run();
    }

    private void sendAt(CyclicBarrier start, IssueMail mail) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sender.send(mail, unsubscribeLinks::of);
    }

    private String subscriber(String name, String status) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        jdbc.sql("insert into subscriber (id, email, status, created_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), email, status, Timestamp.from(Instant.now()))
                .update();
        return email;
    }

    private static List<MimeMessage> mailsOf(String week) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().contains(week);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> sentTo(String week) {
        return jdbc.sql("select email from delivery where issue_week = ? and state = 'SENT'").param(week)
                .query(String.class).list();
    }

    private Map<String, Long> states(String week) {
        return jdbc.sql("select state, count(*) as n from delivery where issue_week = ? group by state").param(week)
                .query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Object> deliveryOf(String week, String email) {
        return jdbc.sql("select state, attempts, last_error from delivery where issue_week = ? and email = ?")
                .params(week, email).query().singleRow();
    }

    private String statusOf(String email) {
        return jdbc.sql("select status from subscriber where email = ?").param(email).query(String.class).single();
    }

    private String issueStatus(String week) {
        return jdbc.sql("select status from issue where iso_week = ?").param(week).query(String.class).optional()
                .orElse(null);
    }
}
