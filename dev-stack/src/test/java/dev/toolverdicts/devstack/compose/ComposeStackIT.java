package dev.toolverdicts.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The root docker-compose.yml, built and started on a real Docker engine, then the dev stack's smoke scenario
 * through the gateway on the demo data the compose demo-loader wrote. Skipped where no Docker engine answers.
 * Compose publishes fixed host ports (8080, 9000, ...): stop the dev stack before running it.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    private static final Duration STARTUP = Duration.ofMinutes(15);

    @Container
    static final ComposeContainer COMPOSE = new ComposeContainer(composeFile())
            .withBuild(true)
            .withRemoveVolumes(true)
            .withStartupTimeout(STARTUP)
            .withExposedService("gateway", 8080,
                    Wait.forHttp("/actuator/health/readiness").forStatusCode(200).withStartupTimeout(STARTUP))
            .waitingFor("demo-loader",
                    Wait.forLogMessage(".*demo-loader: done.*", 1).withStartupTimeout(STARTUP));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheDemoDataThroughTheGateway() throws Exception {
        URI gateway = URI.create("http://" + COMPOSE.getServiceHost("gateway", 8080) + ":"
                + COMPOSE.getServicePort("gateway", 8080));

        HttpResponse<String> tool = await(gateway.resolve("/api/comparisons/tools/smolvlm-3b"),
                body -> body.contains("75% · 3 of 4"));
        assertThat(tool.body()).contains("SmolVLM-3B").contains("Hugging Face");
        assertThat(tool.body()).as("no community votes yet").contains("\"display\":\"—\"");
        await(gateway.resolve("/api/comparisons/matchups/smolvlm-3b-vs-code-llama-4"),
                body -> body.contains("100% · 4 of 4") && body.contains("75% · 3 of 4"));

        HttpResponse<String> anonymousWrite = http.send(HttpRequest.newBuilder(gateway.resolve("/api/catalog/tools"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousWrite.statusCode()).as("writes need a token").isIn(401, 403);
    }

    private HttpResponse<String> await(URI uri, Predicate<String> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200 && until.test(last.body())) {
                    return last;
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(uri + " never matched; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static File composeFile() {
        Path root = Path.of(System.getProperty("devstack.repoRoot", "..")).toAbsolutePath().normalize();
        return root.resolve("docker-compose.yml").toFile();
    }
}
