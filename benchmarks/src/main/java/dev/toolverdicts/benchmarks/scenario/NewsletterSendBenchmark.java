package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.identity.ServiceTokens;
import dev.toolverdicts.benchmarks.mail.CountingSmtpSink;
import dev.toolverdicts.benchmarks.mail.PlainSmtpClient;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.NewsletterInstance;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 10. The weekly digest to N confirmed subscribers (10,000; 2,000 with --quick), sent by a newsletter-service of the
 * benchmark's own (the stack's command line, its own database {@value #DATABASE} and consumer group) to a counting
 * SMTP sink; killed with SIGKILL when half the mails are out, started again, and asked to send again: it must resume
 * where it stopped. Every reader must get the digest at most once (the sender is at-most-once at the SMTP boundary:
 * the mail in flight when it died is IN_DOUBT, never resent) and every row not in doubt exactly once. Baseline in
 * the same run: a plain SMTP client sending mails of the same size over one connection to the same sink.
 * <p>
 * The subscribers and the week's content (a NEW_TOOL change per published tool, dated a week ago: an issue covers
 * the week before it) are written into the benchmark's database with SQL; everything else is the service's.
 */
public final class NewsletterSendBenchmark implements Benchmark {

    static final String DATABASE = "newsletter_bench";
    private static final int PORT = 8089;

    @Override
    public String id() {
        return "10";
    }

    @Override
    public String title() {
        return "newsletter send to 10,000 subscribers, killed halfway and resumed";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        int subscribers = context.options().quick() ? 2_000 : 10_000;
        recreateDatabase();
        Path log = Path.of("benchmarks/target/newsletter-bench.log").toAbsolutePath();
        try (CountingSmtpSink sink = new CountingSmtpSink();
                NewsletterInstance newsletter = NewsletterInstance.likeTheStacks(DATABASE, sink.port(), freePort(),
                        "newsletter-bench-" + System.currentTimeMillis(), log)) {
            newsletter.start(Duration.ofMinutes(3));
            try (Connection db = DriverManager.getConnection(StackPorts.jdbcUrl(DATABASE), "postgres", "")) {
                awaitPublishedTools(db);
                seed(db, subscribers);
                String token = new ServiceTokens().admin();

                long firstAsk = System.nanoTime();
                askToSend(newsletter.port(), token, Duration.ofSeconds(30));
                awaitMails(sink, subscribers / 2, Duration.ofMinutes(10));
                long beforeKill = System.nanoTime();
                long sentBeforeKill = sink.accepted();
                double firstRunSeconds = sink.spanNanos() / 1e9;
                newsletter.kill();
                long killed = System.nanoTime();
                long atKill = sink.accepted();
                System.out.printf("  killed after %d mails (%.0f mails/s), %.1f s after the first ask%n", atKill,
                        sentBeforeKill / firstRunSeconds, (beforeKill - firstAsk) / 1e9);

                newsletter.start(Duration.ofMinutes(3));
                double readyAfter = (System.nanoTime() - killed) / 1e9;
                long resumeAsked = System.nanoTime();
                askUntilMailsMove(newsletter.port(), token, sink, atKill, Duration.ofMinutes(3));
                double resumedAfter = (System.nanoTime() - killed) / 1e9;
                long resumedAt = System.nanoTime();
                Map<String, Long> states = awaitFinished(db, Duration.ofMinutes(10));
                long finished = System.nanoTime();
                long secondRunMails = sink.accepted() - atKill;
                double secondRunSeconds = (finished - resumedAt) / 1e9;

                Exactness exact = exactness(db, sink);
                long total = sink.accepted();
                double sendSeconds = firstRunSeconds + secondRunSeconds;
                double rate = total / sendSeconds;
                double averageSize = sink.bytes() / (double) Math.max(1, total);
                System.out.printf("  resumed: ready %.1f s after the kill, first mail %.1f s after it (asked %.1f s"
                        + " after ready); %d more mails at %.0f mails/s%n", readyAfter, resumedAfter,
                        (System.nanoTime() - resumeAsked) / 1e9 - secondRunSeconds, secondRunMails,
                        secondRunMails / secondRunSeconds);
                System.out.printf("  states %s; %s%n", states, exact);

                double baseline = baseline(subscribers, (int) averageSize);
                System.out.printf("  plain SMTP client: %.0f mails/s (%d mails of %.0f bytes)%n", baseline,
                        subscribers, averageSize);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("subscribers", subscribers);
                detail.put("mailsAccepted", total);
                detail.put("averageMailBytes", Math.round(averageSize));
                detail.put("killedAfterMails", atKill);
                detail.put("firstRunMailsPerSecond", sentBeforeKill / firstRunSeconds);
                detail.put("secondRunMailsPerSecond", secondRunMails / secondRunSeconds);
                detail.put("readyAfterKillSeconds", readyAfter);
                detail.put("firstMailAfterKillSeconds", resumedAfter);
                detail.put("deliveryStates", states);
                detail.put("duplicates", exact.duplicates());
                detail.put("missing", exact.missing());
                detail.put("inDoubtDelivered", exact.inDoubtDelivered());
                detail.put("plainSmtpMailsPerSecond", baseline);
                context.report().detail("10-newsletter-send", detail);

                boolean exactOk = exact.duplicates() == 0 && exact.missing() == 0;
                String exactNote = "killed (SIGKILL) after " + atKill + " mails; sent " + states.getOrDefault("SENT", 0L)
                        + ", in doubt " + states.getOrDefault("IN_DOUBT", 0L) + ", failed "
                        + states.getOrDefault("FAILED", 0L) + "; mailed twice " + exact.duplicates()
                        + ", SENT but not received " + exact.missing();
                context.report().add(new Figure("10a", "newsletter send rate", "newsletter-service", rate,
                        "plain SMTP client", baseline, "mails/s", true, null, null, "≥ 200 mails/s, nothing twice",
                        rate >= 200 && exactOk, subscribers + " subscribers, one sender per instance; " + exactNote));
                context.report().add(new Figure("10b", "resume after a kill", "first mail after the kill",
                        resumedAfter, "ready after the kill", readyAfter, "s", false, null, null,
                        "resumes, nothing twice", exactOk && states.getOrDefault("PENDING", 0L) == 0,
                        "the killed run's job lock expires newsletter.digest.lock-at-most-for after its last "
                                + "keep-alive; " + exactNote));
            }
        }
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(StackPorts.jdbcUrl("postgres"), "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
    }

    private static void awaitPublishedTools(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (count(db, "select count(*) from feed_tool where status = 'PUBLISHED'") > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the benchmark's newsletter-service read no published tool from Kafka");
    }

    private static void seed(Connection db, int subscribers) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("""
                    insert into subscriber (id, email, status, created_at, confirmation_sent_at, confirmed_at)
                    select gen_random_uuid(), 'reader-' || lpad(g::text, 5, '0') || '@subscribers.bench.toolverdicts.dev',
                           'CONFIRMED', now() - interval '8 days', now() - interval '8 days', now() - interval '8 days'
                      from generate_series(1, %d) g""".formatted(subscribers));
            sql.executeUpdate("""
                    insert into feed_change (dedupe_key, kind, occurred_at, tool_id, tool_slug)
                    select 'bench-new-tool-' || slug, 'NEW_TOOL', now() - interval '7 days', tool_id, slug
                      from feed_tool where status = 'PUBLISHED'""");
        }
    }

    private static void askToSend(int port, String token, Duration timeout) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/newsletter/admin/send"))
                .header("Authorization", "Bearer " + token).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202 && answer.statusCode() != 200) {
            throw new IllegalStateException("send answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The killed run's lock is held until it expires: ask again each second until mails go out again. */
    private static void askUntilMailsMove(int port, String token, CountingSmtpSink sink, long atKill,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            askToSend(port, token, Duration.ofSeconds(30));
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                if (sink.accepted() > atKill) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("no mail went out within " + timeout + " of the restart");
    }

    private static void awaitMails(CountingSmtpSink sink, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sink.accepted() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + sink.accepted() + " of " + count + " mails in " + timeout);
            }
            Thread.sleep(5);
        }
    }

    private static Map<String, Long> awaitFinished(Connection db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(db, "select count(*) from issue where status = 'SENT'") == 1) {
                return states(db);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the issue was not SENT within " + timeout + ": " + states(db));
    }

    private static Map<String, Long> states(Connection db) throws SQLException {
        Map<String, Long> states = new LinkedHashMap<>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select state, count(*) from delivery group by state order by 1")) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getLong(2));
            }
        }
        return states;
    }

    record Exactness(long duplicates, long missing, long inDoubtDelivered) {
    }

    /** Per recipient: the sink's count against the row's state. */
    private static Exactness exactness(Connection db, CountingSmtpSink sink) throws SQLException {
        Map<String, Integer> received = sink.byRecipient();
        long duplicates = received.values().stream().filter(n -> n > 1).count();
        long missing = 0;
        long inDoubtDelivered = 0;
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select lower(email), state from delivery")) {
            while (rows.next()) {
                int got = received.getOrDefault(rows.getString(1), 0);
                switch (rows.getString(2)) {
                    case "SENT" -> missing += got == 0 ? 1 : 0;
                    case "IN_DOUBT" -> inDoubtDelivered += got;
                    default -> duplicates += got > 0 ? 1 : 0;
                }
            }
        }
        return new Exactness(duplicates, missing, inDoubtDelivered);
    }

    private static double baseline(int mails, int size) throws IOException {
        try (CountingSmtpSink sink = new CountingSmtpSink(); PlainSmtpClient client = new PlainSmtpClient(sink.port())) {
            for (int i = 0; i < Math.min(1_000, mails); i++) {
                client.send("warm-" + i + "@bench.test", size);
            }
            long started = System.nanoTime();
            for (int i = 0; i < mails; i++) {
                client.send("reader-" + i + "@bench.test", size);
            }
            return mails / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static long count(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(PORT, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException taken) {
            throw new IOException("port " + PORT + " (benchmark 10's newsletter-service) is taken", taken);
        }
    }
}
