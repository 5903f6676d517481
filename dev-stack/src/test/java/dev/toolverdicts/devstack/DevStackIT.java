package dev.toolverdicts.devstack;

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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.toolverdicts.devstack.demo.DemoAccounts;
import dev.toolverdicts.devstack.demo.DemoCatalog;
import dev.toolverdicts.devstack.demo.DemoPanel;
import dev.toolverdicts.devstack.demo.GatewayApi;
import dev.toolverdicts.devstack.progress.Progress;
import dev.toolverdicts.devstack.service.ServiceCatalog;

/**
 * Starts the whole platform on free ports in a temporary folder, the way a developer's laptop runs it, and follows
 * a tool from the catalog API through the outbox and Kafka to the comparison read model, all through the gateway.
 */
class DevStackIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Test
    void wholeStackServesToolsThroughTheGatewayAndLeavesNoProcessBehind() throws Exception {
        Path workDir = Files.createTempDirectory("dev-stack-it");
        StackConfig config = StackConfig.of(repoRoot(), workDir, Ports.free(), ServiceCatalog.all());
        List<ProcessHandle> started = new ArrayList<>();
        DevStack stack = new DevStack(config, Progress.toStdout());
        ObservabilityChecks.logEachRequestAndRecord(config);
        try {
            Duration coldStart = stack.start();
            System.out.printf("cold start of the whole stack (empty data folder): %.1f s%n", coldStart.toMillis() / 1000.0);
            started.addAll(stack.processes());

            assertThat(stack.parts()).hasSize(3 + ServiceCatalog.all().size()).allMatch(Part::isReady);
            assertThat(stack.demoReport()).hasValueSatisfying(report -> {
                assertThat(report.failures()).as("demo data problems").isEmpty();
                assertThat(report.loaded(DemoCatalog.TOOLS)).isGreaterThanOrEqualTo(3);
                assertThat(report.loaded(DemoCatalog.MATCHUPS)).isEqualTo(2);
                assertThat(report.loaded(DemoPanel.REVIEWERS)).isEqualTo(4);
                assertThat(report.loaded(DemoPanel.VERDICTS)).isEqualTo(12);
            });

            URI gateway = stack.gatewayUri();
            HttpResponse<String> demo = awaitStatus(gateway.resolve("/api/comparisons/tools/smolvlm-3b"), 200);
            assertThat(demo.body()).contains("SmolVLM-3B").contains("Hugging Face");
            HttpResponse<String> panel = awaitBody(gateway.resolve("/api/comparisons/tools/smolvlm-3b"),
                    body -> body.contains("75% · 3 of 4"));
            assertThat(panel.body()).as("no community votes yet").contains("\"display\":\"—\"");
            awaitBody(gateway.resolve("/api/comparisons/matchups/smolvlm-3b-vs-code-llama-4"),
                    body -> body.contains("100% · 4 of 4") && body.contains("75% · 3 of 4"));

            String slug = "it-tool-" + UUID.randomUUID().toString().substring(0, 8);
            String editor = new DemoAccounts(stack.identityIssuer(), DemoAccounts.DEFAULT_PASSWORD)
                    .token(DemoAccounts.EDITOR);
            GatewayApi api = new GatewayApi(gateway);
            String tool = """
                    {"slug": "%s", "name": "IT Tool", "vendor": "Dev Stack IT", "category": "Developer Tools",
                     "tagline": "A tool made up by the dev-stack integration test.",
                     "description": "Exists only to travel from the catalog to the comparison view.",
                     "license": "MIT", "pricing": {"model": "FREE"}}""".formatted(slug);
            assertThat(api.send("POST", "/api/catalog/tools", tool, null).statusCode())
                    .as("writes need a token").isEqualTo(401);
            assertThat(api.send("POST", "/api/catalog/tools", tool, editor).statusCode()).isEqualTo(201);
            assertThat(api.send("POST", "/api/catalog/tools/" + slug + "/publish", null, editor).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> openApi = awaitStatus(gateway.resolve("/api/catalog/openapi"), 200);
            assertThat(openApi.body()).contains("\"openapi\"").contains("/api/catalog/tools");

            HttpResponse<String> view = awaitStatus(gateway.resolve("/api/comparisons/tools/" + slug), 200);
            assertThat(view.body()).contains("IT Tool").contains("Dev Stack IT");
            assertThat(awaitStatus(gateway.resolve("/api/docs/openapi"), 200).body())
                    .contains("/api/catalog/tools", "/api/comparisons/tools/{slug}", "/api/reviews/", "/api/votes/",
                            "/api/newsletter/").doesNotContain("x-unavailable");
            assertThat(awaitStatus(gateway.resolve("/api/docs/events"), 200).body()).contains("catalog.tool.v1");
            // as an <img> on another site asks for it
            assertThat(await(gateway.resolve("/badges/tools/" + slug + ".svg"), "image/avif,image/webp,*/*;q=0.8",
                    response -> response.statusCode() == 200, "answer 200").body())
                    .contains("Panel ship not rated · Tool Verdicts");

            ObservabilityChecks observability = new ObservabilityChecks();
            observability.traceCrossesTheGatewayTheOutboxAndKafka(stack, editor);
            observability.servicesExposeCommonTagsAndOwnMeters(stack);
        } finally {
            started.addAll(stack.processes());
            stack.stop();
        }
        assertThat(started).as("processes the stack started").isNotEmpty();
        assertThat(started.stream().filter(ProcessHandle::isAlive).map(DevStackIT::describe).toList())
                .as("processes still alive after stop").isEmpty();
        deleteRecursively(workDir);
    }

    /** Only after a pass: a failed run keeps its folder so the logs can be read. */
    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private HttpResponse<String> awaitStatus(URI uri, int status) throws InterruptedException {
        return await(uri, response -> response.statusCode() == status, "answer " + status);
    }

    private HttpResponse<String> awaitBody(URI uri, Predicate<String> check) throws InterruptedException {
        return await(uri, response -> response.statusCode() == 200 && check.test(response.body()),
                "answer 200 with the expected body");
    }

    /** Polls until the answer passes {@code check}, or fails with the last answer once {@link #EVENTUAL} has passed. */
    private HttpResponse<String> await(URI uri, Predicate<HttpResponse<String>> check, String expectation)
            throws InterruptedException {
        return await(uri, "application/json", check, expectation);
    }

    private HttpResponse<String> await(URI uri, String accept, Predicate<HttpResponse<String>> check,
            String expectation) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (check.test(response)) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("GET " + uri + " did not " + expectation + " within " + EVENTUAL.toSeconds()
                + " s; last answer: " + last);
    }

    private static Path repoRoot() {
        String configured = System.getProperty("devstack.repoRoot");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        Predicate<Path> isRepo = p -> Files.isRegularFile(p.resolve("dev-stack").resolve("pom.xml"));
        assertThat(root).as("repository root").matches(isRepo);
        return root;
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }
}
