package dev.toolverdicts.devstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.toolverdicts.devstack.DevStack;
import dev.toolverdicts.devstack.Ports;
import dev.toolverdicts.devstack.StackConfig;
import dev.toolverdicts.devstack.demo.DemoAccounts;
import dev.toolverdicts.devstack.progress.Progress;
import dev.toolverdicts.devstack.service.ServiceCatalog;

/**
 * The fault suite: while votes flow through the gateway, kill -9 the Kafka broker, then vote-service, then
 * comparison-service, then the gateway, each restarted (same ports, same data) and waited for. Afterwards every
 * acknowledged vote is counted exactly once, in vote-service's tallies and in the comparison view, and every answer
 * the gateway gave on the way was a 2xx, or a 429 or 503 in problem+json. Prints the figures.
 */
class FaultSuiteIT {

    /** In kill order: the broker first (votes keep being accepted, views catch up), the door last. */
    private static final List<String> VICTIMS = List.of("kafka", "vote-service", "comparison-service",
            ServiceCatalog.GATEWAY);
    private static final List<String> SERVICES = List.of("catalog-service", "vote-service", "comparison-service",
            ServiceCatalog.IDENTITY, ServiceCatalog.GATEWAY);
    private static final List<String> TOOLS = List.of("smolvlm-3b", "code-llama-4", "tabwise");
    private static final List<String> MEMBERS = List.of("member1@toolverdicts.dev", "member2@toolverdicts.dev",
            "member3@toolverdicts.dev");
    /** Under the gateway's votes limit of 30 per member and minute, re-sends included. */
    private static final Duration PACE = Duration.ofMillis(2_500);
    /** How long votes meet the dead part before it is restarted, and flow after it is back. */
    private static final Duration DOWN_FOR = Duration.ofSeconds(2);
    private static final Duration FLOW_AFTER = Duration.ofSeconds(3);
    /** Readers in flight beside the votes, so some request is mid-answer when a part dies. */
    private static final int READERS = 3;
    private static final Duration READ_PAUSE = Duration.ofMillis(100);
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final Pattern SHIP = Pattern.compile("\"ship\"\\s*:\\s*(\\d+)");
    private static final Pattern SKIP = Pattern.compile("\"skip\"\\s*:\\s*(\\d+)");
    private static final Pattern COMMUNITY = Pattern.compile("\"community\"\\s*:\\s*\\{[^}]*?\"ship\"\\s*:\\s*(\\d+)"
            + "[^}]*?\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern MY_VOTE = Pattern.compile("\"vote\"\\s*:\\s*\"(\\w+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void killingBrokerVoteComparisonAndGatewayInTurnLosesAndDoublesNoAcknowledgedVote() throws Exception {
        long began = System.nanoTime();
        Path workDir = Files.createTempDirectory("fault-suite-it");
        StackConfig config = StackConfig.of(repoRoot(), workDir, Ports.free(), ServiceCatalog.only(SERVICES));
        try (DevStack stack = new DevStack(config, Progress.toStdout())) {
            stack.start();
            assertThat(stack.demoReport()).hasValueSatisfying(report -> assertThat(report.failures()).isEmpty());
            URI votes = URI.create(stack.part("vote-service").address());
            URI comparisons = URI.create(stack.part("comparison-service").address());
            for (String tool : TOOLS) {
                awaitOk(votes.resolve("/api/votes/tools/" + tool + "/tally"));
                awaitOk(comparisons.resolve("/api/comparisons/tools/" + tool));
            }
            DemoAccounts accounts = new DemoAccounts(stack.identityIssuer(), DemoAccounts.DEFAULT_PASSWORD);
            Map<String, String> tokens = new LinkedHashMap<>();
            MEMBERS.forEach(member -> tokens.put(member, accounts.token(member)));

            VoteFlow flow = new VoteFlow(stack.gatewayUri(), tokens, TOOLS, PACE);
            List<String> readPaths = new ArrayList<>();
            TOOLS.forEach(tool -> readPaths.addAll(List.of("/api/votes/tools/" + tool + "/tally",
                    "/api/comparisons/tools/" + tool)));
            ReadFlow readers = new ReadFlow(stack.gatewayUri(), readPaths, READERS, READ_PAUSE);
            Map<String, Duration> outages = new LinkedHashMap<>();
            flow.start();
            readers.start();
            try {
                Thread.sleep(FLOW_AFTER);
                for (String victim : VICTIMS) {
                    flow.phase(victim);
                    readers.phase(victim);
                    long killed = System.nanoTime();
                    stack.kill(victim);
                    Thread.sleep(DOWN_FOR);
                    stack.restart(victim);
                    outages.put(victim, Duration.ofNanos(System.nanoTime() - killed));
                    Thread.sleep(FLOW_AFTER);
                }
                flow.phase("after");
                readers.phase("after");
                Thread.sleep(FLOW_AFTER);
            } finally {
                readers.close();
                flow.settle(Duration.ofSeconds(90));
            }

            Counts counts = new Counts();
            for (var expected : flow.expectedTallies().entrySet()) {
                String tool = expected.getKey();
                long ship = expected.getValue()[0];
                long skip = expected.getValue()[1];
                String tally = awaitBody(votes.resolve("/api/votes/tools/" + tool + "/tally"),
                        body -> number(SHIP, body, 1) == ship && number(SKIP, body, 1) == skip);
                counts.compare("vote-service " + tool + " SHIP", ship, number(SHIP, tally, 1));
                counts.compare("vote-service " + tool + " SKIP", skip, number(SKIP, tally, 1));
                String view = awaitBody(comparisons.resolve("/api/comparisons/tools/" + tool),
                        body -> number(COMMUNITY, body, 1) == ship && number(COMMUNITY, body, 2) == ship + skip);
                counts.compare("comparison " + tool + " SHIP", ship, number(COMMUNITY, view, 1));
                counts.compare("comparison " + tool + " SKIP", skip,
                        number(COMMUNITY, view, 2) - number(COMMUNITY, view, 1));
            }
            for (var expected : flow.expectedChoices().entrySet()) {
                String[] memberAndTool = expected.getKey().split(" ");
                HttpResponse<String> mine = send(HttpRequest.newBuilder(
                                stack.gatewayUri().resolve("/api/votes/tools/" + memberAndTool[1] + "/mine"))
                        .header("Authorization", "Bearer " + tokens.get(memberAndTool[0]))
                        .header("Accept", "application/json").GET().build());
                Matcher choice = MY_VOTE.matcher(mine.body());
                if (mine.statusCode() != 200 || !choice.find() || !choice.group(1).equals(expected.getValue())) {
                    counts.lostVote(expected.getKey() + " should be " + expected.getValue() + ", is "
                            + mine.statusCode() + " " + mine.body());
                }
            }

            List<VoteFlow.Answer> unacceptable = flow.answers().stream().filter(a -> !a.acceptable()).toList();
            List<ReadFlow.Read> unacceptableReads = readers.reads().stream().filter(r -> !r.acceptable()).toList();
            Map<String, String> outageSeconds = new LinkedHashMap<>();
            outages.forEach((part, took) -> outageSeconds.put(part, String.format("%.1f s", took.toMillis() / 1000.0)));
            System.out.printf("fault suite: %d votes sent, %d re-sent after a lost answer, %d re-sent after an answer taken as lost, "
                            + "%d replayed, %d acknowledged, "
                            + "%d sends to settle; answers by status %s, per outage %s, problems %s; connection failures per outage %s; "
                            + "lost %d, doubled %d; reads per outage %s, connection failures %s; outages (kill to ready) %s; "
                            + "%d unacceptable answers, %d unacceptable reads; took %.0f s%n",
                    flow.sent(), flow.resent(), flow.duplicates().size(), flow.replayed(), flow.acknowledged(), flow.settled(), flow.byStatus(),
                    flow.byPhaseAndStatus(), flow.problemTypes(),
                    flow.connectionFailuresByPhase(), counts.lost, counts.doubled, readers.byPhaseAndStatus(),
                    readers.connectionFailuresByPhase(), outageSeconds, unacceptable.size(), unacceptableReads.size(),
                    (System.nanoTime() - began) / 1e9);

            assertThat(flow.acknowledged()).as("votes flowed").isGreaterThan(10);
            assertThat(unacceptable).as("answers other than 2xx, or 429 or 503 problem+json with Retry-After").isEmpty();
            assertThat(unacceptableReads).as("reads answered other than 2xx, or 429 or 503 problem+json with "
                    + "Retry-After").isEmpty();
            assertThat(flow.duplicates()).as("acknowledged votes sent again with their key").isNotEmpty()
                    .filteredOn(VoteFlow.Answer::acknowledged)
                    .as("a vote sent again with its key after a 2xx is replayed, not applied again")
                    .allMatch(VoteFlow.Answer::replayed);
            assertThat(counts.problems).as("acknowledged votes lost or doubled").isEmpty();
        }
    }

    /** Expected against counted, per tool and choice, in each place a vote is counted. */
    private static final class Counts {
        long lost;
        long doubled;
        final List<String> problems = new ArrayList<>();

        void compare(String what, long expected, long counted) {
            if (counted < expected) {
                lost += expected - counted;
                problems.add(what + ": " + counted + " counted, " + expected + " acknowledged");
            } else if (counted > expected) {
                doubled += counted - expected;
                problems.add(what + ": " + counted + " counted, " + expected + " acknowledged");
            }
        }

        void lostVote(String what) {
            lost++;
            problems.add(what);
        }
    }

    private void awaitOk(URI uri) throws InterruptedException {
        awaitBody(uri, body -> true);
    }

    /** The last body GET answered: the first that passes the check, or the last 200 seen when none did in time. */
    private String awaitBody(URI uri, java.util.function.Predicate<String> check) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        Optional<String> lastOk = Optional.empty();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                        .GET().build());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    lastOk = Optional.of(response.body());
                    if (check.test(response.body())) {
                        return response.body();
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        String finalAnswer = last;
        return lastOk.orElseThrow(() -> new AssertionError("GET " + uri + " never answered 200 within "
                + EVENTUAL.toSeconds() + " s; last: " + finalAnswer));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long number(Pattern pattern, String body, int group) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(group)) : -1;
    }

    private static Path repoRoot() {
        String configured = System.getProperty("devstack.repoRoot");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("dev-stack").resolve("pom.xml")).isRegularFile();
        return root.toAbsolutePath().normalize();
    }
}
