package dev.toolverdicts.devstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader (not signed in) opens the demo matchup through the gateway and sees what the brief promises: the two
 * cards with their panel ship shares, no community share yet, the four-row scorecard, and the page's own metadata;
 * then the key public pages are photographed at desktop and phone width and checked with axe-core.
 */
@ExtendWith(WebStack.class)
class ComparisonPageIT {

    private static final String MATCHUP = "/compare/smolvlm-3b-vs-code-llama-4";

    private static Browser reader;

    @BeforeAll
    static void openBrowser(WebStack.Running stack) {
        reader = new Browser(stack);
    }

    @AfterAll
    static void closeBrowser() {
        reader.close();
    }

    @Test
    void readerSeesPanelSharesNoCommunityYetAndTheFourRowScorecard() {
        reader.open(MATCHUP);

        assertThat(reader.text("h1")).isEqualTo("SmolVLM-3B vs Code Llama 4");
        assertThat(reader.text(".question")).isEqualTo("Which one should you ship with?");
        assertThat(reader.text("[data-tool=smolvlm-3b] .panel-percent")).isEqualTo("75%");
        assertThat(reader.text("[data-tool=smolvlm-3b] .panel-count")).isEqualTo("3 of 4 reviewers say ship");
        assertThat(reader.text("[data-tool=code-llama-4] .panel-percent")).isEqualTo("100%");
        assertThat(reader.text("[data-tool=smolvlm-3b] .community-percent")).isEqualTo("—");
        assertThat(reader.text("[data-tool=code-llama-4] .community-percent")).isEqualTo("—");
        assertThat(reader.text("[data-tool=smolvlm-3b] .category")).isEqualToIgnoringCase("Developer Tools");
        assertThat(reader.text("[data-tool=smolvlm-3b] .entry")).isEqualTo("Free");
        assertThat(reader.text("[data-tool=smolvlm-3b] .license")).isEqualTo("Apache-2.0");
        assertThat(reader.text("[data-tool=code-llama-4] .license")).isEqualTo("Llama Community License");

        List<WebElement> rows = reader.findAll("#scorecard tbody tr.scorecard-row");
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().map(row -> row.getAttribute("data-lens")).toList())
                .containsExactly("BUILDER", "SKEPTIC", "FUTURIST", "BUYER");
        WebElement buyer = rows.get(3);
        assertThat(buyer.findElements(By.cssSelector(".verdict")).stream().map(WebElement::getText).toList())
                .containsExactly("SKIP", "SHIP");
        assertThat(reader.findAll("#share-chart svg rect.chart-bar")).hasSize(4);

        assertThat(reader.driver().getTitle()).startsWith("SmolVLM-3B vs Code Llama 4");
        assertThat(meta("meta[name=description]")).contains("SmolVLM-3B").contains("75%");
        assertThat(meta("meta[property='og:title']")).startsWith("SmolVLM-3B vs Code Llama 4");
        assertThat(meta("meta[property='og:url']")).endsWith(MATCHUP);
        assertThat(reader.findAll("#vote-smolvlm-3b a[href='/login']")).as("readers are asked to sign in to vote")
                .hasSize(1);
    }

    @Test
    void keyPublicPagesLookRightAtBothWidthsAndPassAxe() {
        for (String[] page : List.of(
                new String[] {"home", "/"},
                new String[] {"compare", MATCHUP},
                new String[] {"compare-three", "/compare?tools=smolvlm-3b,code-llama-4,llama-4-compact-12b"},
                new String[] {"tool", "/tools/smolvlm-3b"},
                new String[] {"browse", "/tools?q=model"},
                new String[] {"newsletter", "/newsletter"},
                new String[] {"not-found", "/tools/no-such-tool"})) {
            reader.open(page[1]);
            reader.screenshots(page[0]);
            assertThat(reader.seriousAxeViolations(page[0])).as("serious or critical axe violations on " + page[1])
                    .isEmpty();
        }
    }

    @Test
    void badInputGetsAClearPage() {
        reader.open("/compare?tools=smolvlm-3b");
        assertThat(reader.text("h1")).isEqualTo("That did not work");
        assertThat(reader.text(".problem")).contains("choose 2 to 4 different tools");

        reader.open("/compare/smolvlm-3b-vs-nothing-like-it");
        assertThat(reader.text("h1")).isEqualTo("Not found");
    }

    private String meta(String css) {
        return reader.find(css).getAttribute("content");
    }
}
