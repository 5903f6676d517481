package dev.toolverdicts.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo files the dev stack loads hold what the brief promises, and every reviewer maps to a demo login. */
class DemoFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theCatalogHasTheBriefsToolsAndMatchups() {
        JsonNode catalog = JSON.readTree(ROOT.resolve("catalog-service/src/main/resources/demo/catalog.json").toFile());
        List<String> slugs = new ArrayList<>();
        catalog.get("tools").forEach(t -> slugs.add(t.get("slug").asString()));
        assertThat(slugs).contains("smolvlm-3b", "code-llama-4", "llama-4-compact-12b").hasSizeGreaterThan(5);
        List<String> matchups = new ArrayList<>();
        catalog.get("matchups").forEach(m -> matchups.add(m.get("toolA").asString() + "-vs-" + m.get("toolB").asString()));
        assertThat(matchups).contains("smolvlm-3b-vs-code-llama-4", "smolvlm-3b-vs-llama-4-compact-12b");
    }

    @Test
    void theThreeSeedToolsCarryTheProductsOwnFacts() {
        JsonNode catalog = JSON.readTree(ROOT.resolve("catalog-service/src/main/resources/demo/catalog.json").toFile());
        List<String> facts = new ArrayList<>();
        catalog.get("tools").forEach(t -> {
            String slug = t.get("slug").asString();
            if (List.of("smolvlm-3b", "code-llama-4", "llama-4-compact-12b").contains(slug)) {
                facts.add(String.join(" | ", slug, t.get("category").asString(), t.get("vendor").asString(),
                        t.get("license").asString(), t.get("pricing").get("model").asString()));
            }
        });
        assertThat(facts).containsExactly(
                "smolvlm-3b | Developer Tools | Hugging Face | Apache-2.0 | FREE",
                "code-llama-4 | Developer Tools | Meta | Llama Community License | FREE",
                "llama-4-compact-12b | Developer Tools | Meta | Llama Community License | FREE");
    }

    @Test
    void everyDemoReviewerIsADemoLogin() {
        Path file = ROOT.resolve("review-service/src/main/resources/demo/panel.json");
        assertThat(Files.isRegularFile(file)).isTrue();
        JsonNode panel = JSON.readTree(file.toFile());
        List<String> emails = new ArrayList<>();
        panel.get("reviewers").forEach(r -> emails.add(DemoPanel.emailOf(r.get("userId").asString())));
        assertThat(emails).containsExactlyInAnyOrder("builder@toolverdicts.dev", "skeptic@toolverdicts.dev",
                "futurist@toolverdicts.dev", "buyer@toolverdicts.dev");
        assertThatThrownBy(() -> DemoPanel.emailOf("someone")).isInstanceOf(IllegalArgumentException.class);
    }
}
