package dev.toolverdicts.comparison.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.GoldenFile;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public reads the web pages are built from (tool views, a matchup view, an ad-hoc comparison, the ranked lists
 * and the latest matchups) for the demo scenario, pinned in {@code src/test/resources/golden}; web's page tests
 * render from those files. Lists keep only this scenario's entries: other test classes share the broker's topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class PublicReadsGoldenTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void thePublicReadsKeepTheShapeThePagesRead() throws Exception {
        Scenario s = new Scenario();
        try (EventProducer producer = new EventProducer()) {
            s.events().forEach(producer::sendAny);
            producer.flush();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> matchup = get("/api/comparisons/matchups/" + s.matchupSlug());
            if (matchup.statusCode() != 200) {
                return false;
            }
            JsonNode view = JSON.readTree(matchup.body());
            return view.get("tools").get(0).get("panel").get("total").asInt() == 4
                    && view.get("tools").get(1).get("community").get("total").asInt() == 10
                    && !view.get("scorecard").toString().contains("old name");
        });

        GoldenFile golden = new GoldenFile(s.suffix).name(s.reviewers.get(0), "reviewer-builder")
                .name(s.reviewers.get(3), "reviewer-buyer").name(s.smolvlm, "tool-smolvlm-3b")
                .name(s.codeLlama, "tool-code-llama-4");
        golden.record("tool-smolvlm-3b.json", ok("/api/comparisons/tools/" + s.smolvlmSlug()));
        golden.record("tool-code-llama-4.json", ok("/api/comparisons/tools/" + s.codeLlamaSlug()));
        golden.record("matchup-smolvlm-3b-vs-code-llama-4.json", ok("/api/comparisons/matchups/" + s.matchupSlug()));
        golden.record("compare-code-llama-4-smolvlm-3b.json", ok("/api/comparisons/compare?tools="
                + s.codeLlamaSlug() + "," + s.smolvlmSlug()));
        golden.record("ranked-panel.json", onlyThisScenario(ok("/api/comparisons/tools?rank=panel&limit=100"), s));
        golden.record("ranked-gap.json", onlyThisScenario(ok("/api/comparisons/tools?rank=gap&limit=100"), s));
        golden.record("matchups.json", onlyThisScenario(ok("/api/comparisons/matchups?limit=100"), s));
        golden.writeOrCompare();
    }

    private static String onlyThisScenario(String list, Scenario s) {
        ObjectNode page = (ObjectNode) JSON.readTree(list);
        ArrayNode mine = JSON.createArrayNode();
        page.get("items").forEach(item -> {
            if (item.get("slug").asString().endsWith("-" + s.suffix)) {
                mine.add(item);
            }
        });
        page.set("items", mine);
        page.put("total", mine.size());
        return JSON.writeValueAsString(page);
    }

    private String ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
