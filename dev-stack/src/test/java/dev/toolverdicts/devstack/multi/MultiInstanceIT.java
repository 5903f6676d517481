package dev.toolverdicts.devstack.multi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.toolverdicts.devstack.DevStack;
import dev.toolverdicts.devstack.Ports;
import dev.toolverdicts.devstack.StackConfig;
import dev.toolverdicts.devstack.demo.DemoAccounts;
import dev.toolverdicts.devstack.progress.Progress;
import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceProcess;

/**
 * Two of comparison-service, vote-service, identity-service and the gateway, as real processes behind the
 * launcher's entry port, started once for every scenario: a vote reaches every comparison replica's reads and
 * streams, a rebuild swapped on one replica is served by both, a rate limit holds in total across the gateways, and
 * (last, as it kills) one instance of each dies mid-load without an acknowledged vote lost or doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    static final Map<String, Integer> REPLICAS = Map.of("comparison-service", 2, "gateway", 2, "vote-service", 2,
            "identity-service", 2);
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final Pattern COMMUNITY_VERSION = Pattern.compile("\"communityVersion\"\\s*:\\s*(\\d+)");
    private static final Pattern TALLY_VERSION = Pattern.compile("\"tally\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern COMMUNITY = Pattern.compile("\"community\"\\s*:\\s*\\{[^}]*?\"ship\"\\s*:\\s*(\\d+)"
            + "[^}]*?\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern SHIP = Pattern.compile("\"ship\"\\s*:\\s*(\\d+)");
    private static final Pattern SKIP = Pattern.compile("\"skip\"\\s*:\\s*(\\d+)");
    private static final List<String> TOOLS = List.of("smolvlm-3b", "code-llama-4", "tabwise");
    private static final List<String> MEMBERS = List.of("member1@toolverdicts.dev", "member2@toolverdicts.dev",
            "member3@toolverdicts.dev");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private Path workDir;
    private DevStack stack;
    private DemoAccounts accounts;

    @BeforeAll
    void startTheStackOnce() throws Exception {
        workDir = Files.createTempDirectory("multi-instance-it");
        StackConfig config = StackConfig.of(repoRoot(), workDir, Ports.free(REPLICAS), ServiceCatalog.all())
                .withReplicas(REPLICAS).withStartTimeout(Duration.ofMinutes(6));
        stack = new DevStack(config, Progress.toStdout());
        Duration took = stack.start();
        System.out.printf("cold start with %s: %.1f s%n", REPLICAS, took.toMillis() / 1000.0);
        assertThat(stack.demoReport()).hasValueSatisfying(report -> assertThat(report.failures()).isEmpty());
        assertThat(stack.gateways()).hasSize(2);
        assertThat(stack.entry()).isPresent();
        accounts = new DemoAccounts(stack.identityIssuer(), DemoAccounts.DEFAULT_PASSWORD);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            List<ProcessHandle> started = stack.processes();
            stack.stop();
            assertThat(started.stream().filter(ProcessHandle::isAlive).toList()).as("alive after stop").isEmpty();
        }
    }

    /** Needs comparison replicas fed by comparison.view.v1 (helper A): without it only the applying replica knows. */
    @Test
    @Order(1)
    void aVoteThroughOneGatewayIsSeenByEveryReplicaThroughTheOther() throws Exception {
        String tool = TOOLS.getFirst();
        URI gateway1 = uri(stack.gateways().get(0).port());
        URI gateway2 = uri(stack.gateways().get(1).port());
        awaitBody(gateway2.resolve("/api/comparisons/tools/" + tool), body -> body.contains("communityVersion"));
        List<EventStream> streams = new ArrayList<>();
        try {
            streams.add(new EventStream(stack.gateways().get(1).port(), "/api/comparisons/tools/" + tool + "/stream"));
            for (ServiceProcess replica : stack.instances("comparison-service")) {
                streams.add(new EventStream(replica.port(), "/api/comparisons/tools/" + tool + "/stream"));
            }
            await("every stream subscribed", () -> streams.stream().allMatch(EventStream::subscribed));

            HttpResponse<String> vote = castVote(gateway1, accounts.token(MEMBERS.get(0)), tool, "SHIP");
            assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
            long version = number(TALLY_VERSION, vote.body());

            for (ServiceProcess replica : stack.instances("comparison-service")) {
                awaitBody(uri(replica.port()).resolve("/api/comparisons/tools/" + tool),
                        body -> number(COMMUNITY_VERSION, body) >= version);
            }
            await("six reads in a row through gateway 2 (both replicas in turn) show the vote", () -> {
                for (int i = 0; i < 6; i++) {
                    if (number(COMMUNITY_VERSION, get(gateway2.resolve("/api/comparisons/tools/" + tool)).body())
                            < version) {
                        return false;
                    }
                }
                return true;
            });
            await("every stream (through gateway 2, and at each replica) got the change",
                    () -> streams.stream().allMatch(stream -> stream.changes() > 0));
        } finally {
            for (EventStream stream : streams) {
                stream.close();
            }
        }
    }

    /** Needs the generation swap announced to every replica (helper A). */
    @Test
    @Order(2)
    void aRebuildSwappedOnOneReplicaIsServedByBoth() throws Exception {
        URI second = uri(stack.instances("comparison-service").get(1).port());
        String admin = accounts.token("admin@toolverdicts.dev");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(second.resolve("/api/comparisons/admin/rebuilds"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await("the rebuild swapped", () -> send(HttpRequest.newBuilder(
                second.resolve("/api/comparisons/admin/rebuilds/current")).header("Authorization", "Bearer " + admin)
                .GET().build()).body().contains("\"SWAPPED\""));

        // one vote per tool: the tools' events spread over the partitions, so each replica applies some and must
        // still serve the others' from the new generation
        for (String tool : TOOLS) {
            HttpResponse<String> vote = castVote(stack.gatewayUri(), accounts.token(MEMBERS.get(1)), tool, "SKIP");
            assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
            long version = number(TALLY_VERSION, vote.body());
            for (ServiceProcess replica : stack.instances("comparison-service")) {
                awaitBody(uri(replica.port()).resolve("/api/comparisons/tools/" + tool),
                        body -> number(COMMUNITY_VERSION, body) >= version);
            }
        }
    }

    /**
     * Needs the limiter shared in PostgreSQL (helper B). The "auth" rule allows 20 per minute per address: 40
     * requests alternating between the two gateways must see about 20 through, not 40.
     */
    @Test
    @Order(3)
    void aBurstSplitOverTwoGatewaysIsLimitedAtTheConfiguredTotal() throws Exception {
        HttpClient fromOneAddress = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.7.7"))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, Integer> byGatewayThrough = new LinkedHashMap<>();
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            int port = stack.gateways().get(i % 2).port();
            int status = fromOneAddress.send(HttpRequest.newBuilder(uri(port).resolve("/login")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 429) {
                limited++;
            } else {
                byGatewayThrough.merge(port, 1, Integer::sum);
            }
        }
        int through = byGatewayThrough.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("rate limit across two gateways: %d of 40 through (%s), %d answered 429%n", through,
                byGatewayThrough, limited);
        assertThat(through).as("the configured 20 per minute in total (a refill or two while the burst runs)")
                .isBetween(20, 22);
    }

    /** Kills one instance of each; runs last. */
    @Test
    @Order(4)
    void killingOneInstanceOfEachLosesNoAcknowledgedVoteAndKeepsTheBrowserSignedIn() throws Exception {
        URI entry = stack.gatewayUri();
        BrowserSession browser = new BrowserSession(URI.create("http://localhost:" + entry.getPort()));
        browser.signIn(MEMBERS.get(2), DemoAccounts.DEFAULT_PASSWORD);
        HttpResponse<String> signedIn = browser.get("/api/votes/tools/" + TOOLS.get(2) + "/mine");
        assertThat(signedIn.statusCode()).as("signed in: " + signedIn.body()).isNotIn(401, 302, 403);

        Map<String, String> tokens = new LinkedHashMap<>();
        MEMBERS.forEach(member -> tokens.put(member, accounts.token(member)));
        Reader reader = new Reader(entry.resolve("/api/comparisons/tools/" + TOOLS.getFirst()));
        VoteLoad load = new VoteLoad(entry, tokens, TOOLS, Duration.ofMillis(2_200));
        load.start();
        reader.start();
        Thread.sleep(5_000);
        for (String service : List.of("comparison-service", "vote-service", "gateway", "identity-service")) {
            ServiceProcess victim = stack.instances(service).get(1);
            System.out.println("kill -9 " + victim.name());
            victim.kill();
            Thread.sleep(6_000);
        }
        Thread.sleep(6_000);
        load.settle(Duration.ofSeconds(90));
        reader.stop();

        List<VoteLoad.Answer> answers = load.answers();
        long acknowledged = answers.stream().filter(VoteLoad.Answer::acknowledged).count();
        System.out.printf("votes during the kills: %d sent, %d acknowledged, by status %s; reads %s, longest gap %d ms%n",
                answers.size(), acknowledged, load.byStatus(), reader.byStatus(), reader.longestGapMillis());
        assertThat(acknowledged).as("votes flowed").isGreaterThan(10);
        assertThat(answers).as("every answer is 2xx, 429 or 503 problem+json (or a connection cut by a kill)")
                .allMatch(answer -> answer.status() == -1 || answer.acknowledged() || answer.status() == 429
                        || answer.status() == 503 && answer.contentType().startsWith("application/problem+json"));
        assertThat(reader.longestGapMillis()).as("readers' longest gap without a good read").isLessThan(15_000);

        URI votes = uri(stack.instances("vote-service").getFirst().port());
        URI comparison = uri(stack.instances("comparison-service").getFirst().port());
        for (var expected : load.expectedTallies().entrySet()) {
            String tool = expected.getKey();
            long ship = expected.getValue()[0];
            long skip = expected.getValue()[1];
            awaitBody(votes.resolve("/api/votes/tools/" + tool + "/tally"),
                    body -> number(SHIP, body) == ship && number(SKIP, body) == skip);
            awaitBody(comparison.resolve("/api/comparisons/tools/" + tool), body -> {
                Matcher community = COMMUNITY.matcher(body);
                return community.find() && Long.parseLong(community.group(1)) == ship
                        && Long.parseLong(community.group(2)) == ship + skip;
            });
        }

        await("the browser is still signed in (no new login)", () -> {
            HttpResponse<String> after = browser.get("/api/votes/tools/" + TOOLS.get(2) + "/mine");
            assertThat(after.statusCode()).as("after the kills: " + after.body()).isNotIn(401, 302, 403);
            return after.statusCode() / 100 == 2 || after.statusCode() == 404;
        });
    }

    /** A reader polling one view through the entry port: the longest stretch without a 200. */
    private final class Reader {
        private final URI view;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong longestGap = new AtomicLong();
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private Thread thread;

        Reader(URI view) {
            this.view = view;
        }

        void start() {
            thread = Thread.ofVirtual().start(() -> {
                long lastGood = System.nanoTime();
                while (running.get()) {
                    int status;
                    try {
                        status = get(view).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.add(status);
                    long now = System.nanoTime();
                    if (status == 200) {
                        longestGap.accumulateAndGet((now - lastGood) / 1_000_000, Math::max);
                        lastGood = now;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(20));
        }

        long longestGapMillis() {
            return longestGap.get();
        }

        Map<Integer, Long> byStatus() {
            Map<Integer, Long> counts = new java.util.TreeMap<>();
            statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
            return counts;
        }
    }

    private HttpResponse<String> castVote(URI base, String token, String tool, String choice) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/api/votes/tools/" + tool + "/mine"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"vote\":\"" + choice + "\"}")).build());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitBody(URI uri, Predicate<String> check) throws InterruptedException {
        String[] last = {"no answer"};
        await("GET " + uri + " answers as expected", () -> {
            HttpResponse<String> response = get(uri);
            last[0] = response.statusCode() + " " + response.body();
            return response.statusCode() == 200 && check.test(response.body());
        }, () -> "GET " + uri + " did not answer as expected; last: " + last[0]);
    }

    private interface Check {
        boolean passes() throws Exception;
    }

    private static void await(String what, Check check) throws InterruptedException {
        await(what, check, () -> what);
    }

    private static void await(String what, Check check, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        Throwable lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.passes()) {
                    return;
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                lastError = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(failure.get() + " within " + EVENTUAL.toSeconds() + " s"
                + (lastError == null ? "" : "; last error " + lastError));
    }

    private static long number(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static Path repoRoot() {
        String configured = System.getProperty("devstack.repoRoot");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("dev-stack").resolve("pom.xml")).isRegularFile();
        return root.toAbsolutePath().normalize();
    }
}
