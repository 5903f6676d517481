package dev.toolverdicts.devstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The reader's pages as a phone and a dark system show them: nothing scrolls sideways at 390 px, the scorecard turns
 * into one card per reviewer, dark mode follows {@code prefers-color-scheme}, the scorecard links the reviewer pages,
 * and the tool page's timeline shows the demo buyer's SHIP → SKIP. Screenshots of each page at 1440 and 390 px,
 * light and dark, go to {@code target/screenshots/reader} (the README's are copied from there).
 */
@ExtendWith(WebStack.class)
class ReaderPagesIT {

    static final int PHONE = 390;
    static final int DESKTOP = 1440;
    private static final String MATCHUP = "/compare/smolvlm-3b-vs-code-llama-4";
    private static final Path SHOTS = Path.of("target", "screenshots", "reader");

    private static Browser reader;

    @BeforeAll
    static void openBrowser(WebStack.Running stack) {
        reader = new Browser(stack);
    }

    @AfterEach
    void plainScreen() {
        reader.stopEmulating();
    }

    @AfterAll
    static void closeBrowser() {
        reader.close();
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndTheScorecardIsOneCardPerReviewer() {
        for (String path : List.of(MATCHUP, "/compare?tools=smolvlm-3b,code-llama-4,llama-4-compact-12b",
                "/tools/smolvlm-3b", "/tools?q=model", "/reviewers/daniel-brooks", "/reviewers", "/")) {
            reader.emulate(PHONE, 844, true, "light").open(path);
            assertThat(reader.sidewaysOverflow()).as("sideways overflow at 390 px on " + path).isLessThanOrEqualTo(0);
        }

        reader.emulate(PHONE, 844, true, "light").open(MATCHUP);
        List<WebElement> rows = reader.findAll("#scorecard tr.scorecard-row");
        assertThat(rows).hasSize(4);
        for (WebElement row : rows) {
            assertThat(row.getCssValue("display")).isEqualTo("block");
            assertThat(row.getRect().getWidth()).isLessThanOrEqualTo(PHONE);
            List<WebElement> calls = row.findElements(By.cssSelector("td"));
            assertThat(calls).hasSize(2);
            assertThat(calls.get(1).getRect().getY()).as("the second tool's call sits under the first")
                    .isGreaterThan(calls.get(0).getRect().getY());
        }
        WebElement bar = reader.find("#share-chart svg.chart-svg");
        assertThat(bar.getRect().getWidth()).as("chart bars use the phone's width").isGreaterThan(150);
        assertThat(Double.parseDouble(reader.find("#share-chart .chart-name").getCssValue("font-size")
                .replace("px", ""))).isGreaterThanOrEqualTo(15);

        reader.emulate(DESKTOP, 900, false, "light").open(MATCHUP);
        assertThat(reader.find("#scorecard tr.scorecard-row").getCssValue("display")).isEqualTo("table-row");
    }

    @Test
    void darkModeFollowsTheSystemSetting() {
        reader.emulate(DESKTOP, 900, false, "light").open(MATCHUP);
        String light = reader.find("body").getCssValue("background-color");
        reader.emulate(DESKTOP, 900, false, "dark").open(MATCHUP);
        String dark = reader.find("body").getCssValue("background-color");

        assertThat(light).isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(dark).isEqualTo("rgba(20, 22, 26, 1)");
        assertThat(reader.seriousAxeViolations("compare-dark")).as("axe in dark mode").isEmpty();
    }

    @Test
    void theScorecardLinksEachReviewerToTheirPageWithDisclosureAndRecord() {
        reader.open(MATCHUP);
        WebElement buyer = reader.find("#scorecard tr[data-lens=BUYER]");
        assertThat(buyer.findElements(By.cssSelector("a.disclosure-marker"))).hasSize(1);
        buyer.findElement(By.cssSelector("a.reviewer")).click();
        reader.waitFor(d -> d.getCurrentUrl().endsWith("/reviewers/daniel-brooks") ? true : null);

        assertThat(reader.text("h1")).isEqualTo("Daniel Brooks");
        assertThat(reader.text(".lens-line")).startsWith("Buyer lens");
        assertThat(reader.text("#disclosure p")).isEqualTo("No financial ties to any vendor reviewed here.");
        assertThat(reader.text(".record-given")).isEqualTo("3");
        assertThat(reader.text(".record-ship-rate")).isEqualTo("67%");
        assertThat(reader.text(".record-flips")).as("the demo buyer flipped SmolVLM-3B once").isEqualTo("1");
        assertThat(reader.text(".record-rule")).contains("at least 10 community members");
        assertThat(reader.findAll(".reviewer-verdicts li a.tool-link")).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("SmolVLM-3B", "Code Llama 4", "Llama 4 Compact 12B");
        assertThat(reader.seriousAxeViolations("reviewer")).isEmpty();
    }

    @Test
    void theToolPageTimelineShowsTheBuyersFlipAndEachVerdictsHistoryIsReadable() {
        reader.open("/tools/smolvlm-3b");
        List<WebElement> entries = reader.findAll("#history ol.timeline > li.timeline-entry");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(5);
        WebElement flip = entries.stream().filter(e -> "true".equals(e.getAttribute("data-flip"))).findFirst()
                .orElseThrow();
        assertThat(flip.findElement(By.cssSelector(".timeline-head a")).getText()).isEqualTo("Daniel Brooks");
        assertThat(flip.findElements(By.cssSelector(".timeline-change .verdict")).stream().map(WebElement::getText)
                .toList()).containsExactly("SHIP", "SKIP");
        assertThat(flip.findElement(By.cssSelector(".model-note")).getText())
                .isEqualTo("after moving from 3B preview to 3B");

        reader.find("#panel-verdicts li.call-skip .verdict-meta a").click();
        reader.waitFor(d -> d.getCurrentUrl().contains("/verdicts/") ? true : null);
        assertThat(reader.text("h1")).isEqualTo("Daniel Brooks on SmolVLM-3B");
        assertThat(reader.findAll("ol.timeline > li")).extracting(e -> e.getAttribute("data-kind"))
                .containsExactly("REVISED", "SUBMITTED");
        assertThat(reader.seriousAxeViolations("history")).isEmpty();
    }

    @Test
    void screenshotsAtBothWidthsInLightAndDark() {
        reader.open("/tools/smolvlm-3b");
        String history = reader.find("#panel-verdicts li.call-skip .verdict-meta a").getAttribute("href");
        for (String[] page : List.of(new String[] {"home", "/"}, new String[] {"compare", MATCHUP},
                new String[] {"tool", "/tools/smolvlm-3b"}, new String[] {"reviewer", "/reviewers/daniel-brooks"},
                new String[] {"history", history})) {
            for (String scheme : List.of("light", "dark")) {
                reader.emulate(DESKTOP, 900, false, scheme).open(page[1]);
                assertThat(reader.fullPageShot(SHOTS.resolve(page[0] + "-desktop-" + scheme + ".png"), DESKTOP, false,
                        scheme)).exists();
                reader.emulate(PHONE, 844, true, scheme).open(page[1]);
                assertThat(reader.fullPageShot(SHOTS.resolve(page[0] + "-phone-" + scheme + ".png"), PHONE, true,
                        scheme)).exists();
            }
        }
    }
}
