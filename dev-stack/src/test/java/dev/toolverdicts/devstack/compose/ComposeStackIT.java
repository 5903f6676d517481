package dev.toolverdicts.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toolverdicts.devstack.demo.DemoAccounts;
import dev.toolverdicts.devstack.demo.GatewayApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The root docker-compose.yml started for real from nothing (no containers, volumes or networks of the project),
 * the compose demo-loader run to its end, then the dev stack's smoke scenario through the published gateway: the
 * seed comparison, a member's vote moving the community share, a reviewer's revision moving the panel share; then
 * {@code down -v} must leave nothing of the project behind.
 *
 * <p>Runs only when asked, {@code COMPOSE_IT=1}, with a compose command and an engine that answer: docker/ci/
 * compose-smoke.sh sets it up on podman with the CI override's stand-in images. A plain {@code ./mvnw verify}
 * skips it. Settings (environment): {@code COMPOSE_FILES} (colon-separated, default docker-compose.yml),
 * {@code COMPOSE_COMMAND} (default docker-compose), {@code COMPOSE_ENGINE} (default docker),
 * {@code COMPOSE_SKIP_SERVICES} (comma-separated, not started), {@code COMPOSE_PREBUILT=1} (images are there: no
 * build). Compose publishes fixed host ports (8080, 9000, ...): stop the dev stack first.
 */
class ComposeStackIT {

    private static final String PROJECT = "toolverdicts-compose-it";
    private static final Duration UP = Duration.ofMinutes(25);
    private static final Duration EVENTUAL = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOOL = "/api/comparisons/tools/smolvlm-3b";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void wholeStackFromNothingServesTheSmokeScenarioAndLeavesNothingBehind() throws Exception {
        assumeTrue("1".equals(System.getenv("COMPOSE_IT")), "COMPOSE_IT=1 not set (docker/ci/compose-smoke.sh sets it)");
        ComposeProject project = project();
        ComposeProject.Result version = project.compose(Duration.ofMinutes(1), "version");
        // asked to run (CI): a missing compose command is a failure, not a skip
        assertThat(version.succeeded()).as("compose command: " + version.output()).isTrue();
        List<String> services = startedServices(project);

        project.down(Duration.ofMinutes(5));
        assertThat(project.leftovers()).as("nothing of the project before the start").allSatisfy(
                (kind, ids) -> assertThat(ids).as(kind).isEmpty());
        long start = System.nanoTime();
        try {
            ComposeProject.Result up = project.up(UP, !"1".equals(System.getenv("COMPOSE_PREBUILT")), services);
            if (!up.succeeded()) {
                System.out.println("compose-it: up failed; the last log lines of every service:\n"
                        + project.compose(Duration.ofMinutes(2), "logs", "--no-color", "--tail=40").output());
            }
            assertThat(up.exitCode()).as("compose up:\n" + up.output()).isZero();
            System.out.printf("compose-it: up (every health-gated service ready) in %.0f s%n", seconds(start));

            awaitDemoLoader(project);
            System.out.printf("compose-it: demo loader done after %.0f s%n", seconds(start));

            smokeScenario(URI.create("http://" + project.publishedAddress("gateway", 8080)),
                    URI.create("http://localhost:" + port(project.publishedAddress("identity-service", 9000))));
            System.out.printf("compose-it: smoke scenario passed after %.0f s%n", seconds(start));
            report(project, services);
        } finally {
            ComposeProject.Result down = project.down(Duration.ofMinutes(10));
            System.out.println("compose-it: down -v exited " + down.exitCode());
        }
        Map<String, List<String>> leftovers = project.leftovers();
        assertThat(leftovers).as("left after down -v").allSatisfy((kind, ids) -> assertThat(ids).as(kind).isEmpty());
    }

    private void smokeScenario(URI gateway, URI issuer) throws Exception {
        HttpResponse<String> seed = awaitBody(gateway.resolve(TOOL), body -> body.contains("75% · 3 of 4"));
        assertThat(seed.body()).contains("SmolVLM-3B").contains("Hugging Face");
        assertThat(seed.body()).as("no community votes yet").contains("\"display\":\"—\"");
        awaitBody(gateway.resolve("/api/comparisons/matchups/smolvlm-3b-vs-code-llama-4"),
                body -> body.contains("100% · 4 of 4") && body.contains("75% · 3 of 4"));

        GatewayApi api = new GatewayApi(gateway);
        assertThat(api.send("POST", "/api/catalog/tools", "{}", null).statusCode()).as("writes need a token")
                .isIn(401, 403);

        DemoAccounts people = new DemoAccounts(issuer, DemoAccounts.DEFAULT_PASSWORD);
        HttpResponse<String> vote = api.send("PUT", "/api/votes/tools/smolvlm-3b/mine", "{\"vote\": \"SHIP\"}",
                people.token("member1@toolverdicts.dev"));
        assertThat(vote.statusCode()).as("member's vote: " + vote.body()).isIn(200, 201);
        awaitBody(gateway.resolve(TOOL), body -> body.contains("100% · 1 of 1"));

        String buyer = people.token("buyer@toolverdicts.dev");
        JsonNode verdicts = JSON.readTree(api.send("GET", "/api/reviews/tools/smolvlm-3b/verdicts", null, null).body());
        JsonNode skip = null;
        for (JsonNode verdict : verdicts) {
            if ("BUYER".equals(verdict.get("lens").asString())) {
                skip = verdict;
            }
        }
        assertThat(skip).as("the buyer's demo verdict on SmolVLM-3B in " + verdicts).isNotNull();
        assertThat(skip.get("verdict").asString()).isEqualTo("SKIP");
        HttpResponse<String> revised = http.send(HttpRequest.newBuilder(
                        gateway.resolve("/api/reviews/verdicts/" + skip.get("id").asString()))
                .header("Authorization", "Bearer " + buyer)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + skip.get("version").asLong() + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"verdict": "SHIP", "take": "Revised after the compose smoke test: the free weights won me over.",
                         "modelVersion": "3B"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revised.statusCode()).as("reviewer's revision: " + revised.body()).isEqualTo(200);
        awaitBody(gateway.resolve(TOOL), body -> body.contains("100% · 4 of 4"));
        HttpResponse<String> revisions = api.send("GET",
                "/api/reviews/verdicts/" + skip.get("id").asString() + "/revisions", null, null);
        assertThat(JSON.readTree(revisions.body()).size()).as(revisions.body()).isGreaterThanOrEqualTo(2);
    }

    private static void awaitDemoLoader(ComposeProject project) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        String state = "not created";
        while (System.nanoTime() < deadline) {
            String id = project.containerId("demo-loader");
            if (!id.isEmpty()) {
                state = project.state(id);
                if (state.startsWith("exited")) {
                    break;
                }
            }
            Thread.sleep(2000);
        }
        String logs = project.logs("demo-loader");
        assertThat(state).as("demo-loader, logs:\n" + logs).isEqualTo("exited 0");
        assertThat(logs).contains("demo-loader: done");
    }

    /** Start time to ready (Spring's own figure), memory (cgroup) and RSS per service, for the README. */
    private static void report(ComposeProject project, List<String> services) {
        for (String service : services) {
            project.logs(service).lines().filter(line -> line.contains("(process running for"))
                    .findFirst().ifPresent(line -> System.out.println("compose-it: " + service + " "
                            + line.substring(line.indexOf("Started "))));
        }
        System.out.println("compose-it: stats\n" + project.stats());
        System.out.println("compose-it: resident memory\n" + project.residentMemory());
    }

    private static List<String> startedServices(ComposeProject project) {
        List<String> skipped = Arrays.stream(System.getenv().getOrDefault("COMPOSE_SKIP_SERVICES", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> services = new ArrayList<>(project.services());
        services.removeAll(skipped);
        return services;
    }

    private static ComposeProject project() {
        Path root = Path.of(System.getProperty("devstack.repoRoot", "..")).toAbsolutePath().normalize();
        List<Path> files = Arrays.stream(System.getenv().getOrDefault("COMPOSE_FILES", "docker-compose.yml")
                .split(":")).map(root::resolve).toList();
        files.forEach(file -> assertThat(Files.isRegularFile(file)).as(file.toString()).isTrue());
        List<String> command = List.of(System.getenv().getOrDefault("COMPOSE_COMMAND", "docker-compose").split(" "));
        return new ComposeProject(root, command, files, System.getenv().getOrDefault("COMPOSE_ENGINE", "docker"),
                PROJECT);
    }

    private HttpResponse<String> awaitBody(URI uri, Predicate<String> until) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && until.test(response.body())) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(uri + " never matched within " + EVENTUAL.toSeconds() + " s; last answer: " + last);
    }

    private static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
