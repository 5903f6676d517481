package dev.toolverdicts.devstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reviewer revises a verdict on their desk (flipping the skeptic's call on Llama 4 Compact 12B) and an open
 * comparison page follows live; the take they wrote, with a script tag in it, shows as text. Then the desks are
 * photographed and checked with axe-core.
 */
@ExtendWith(WebStack.class)
class ReviewerDeskIT {

    private static final String MATCHUP = "/compare/smolvlm-3b-vs-llama-4-compact-12b";
    private static final String TAKE = "Breaks under real load. <script>window.__pwned = 1</script> Still a <b>skip</b>.";

    private final WebStack.Running stack;

    ReviewerDeskIT(WebStack.Running stack) {
        this.stack = stack;
    }

    @Test
    void aRevisionOnTheDeskReachesTheOpenComparisonPageAndItsTakeStaysText() {
        try (Browser reviewer = new Browser(stack); Browser reader = new Browser(stack)) {
            reader.open(MATCHUP);
            reader.waitFor(d -> "connected".equals(reader.script("return document.body.dataset.live;")) ? true
                    : null);
            String before = reader.text("[data-tool=llama-4-compact-12b] .panel-percent");
            reader.script("window.__sameDocument = 'yes';");

            reviewer.signIn("skeptic@toolverdicts.dev").open("/desk/reviews");
            WebElement verdict = reviewer.find("article.desk-verdict[data-tool=llama-4-compact-12b]");
            boolean ships = verdict.findElement(By.cssSelector("input[type=radio][value=SHIP]")).isSelected();
            String expected = ships ? "75%" : "100%";
            assertThat(before).as("the demo panel: 4 SHIP, or 3 after an earlier run").isEqualTo(ships ? "100%" : "75%");
            verdict.findElement(By.cssSelector("input[type=radio][value=" + (ships ? "SKIP" : "SHIP") + "]")).click();
            WebElement take = verdict.findElement(By.cssSelector("textarea[name=take]"));
            take.clear();
            take.sendKeys(TAKE);
            verdict.findElement(By.cssSelector("form.verdict-form button[type=submit]")).click();
            reviewer.waitFor(d -> reviewer.findAll(".notice").isEmpty() ? null : true);
            assertThat(reviewer.text(".notice")).contains("revised");
            reviewer.screenshots("desk-reviews");
            assertThat(reviewer.seriousAxeViolations("desk-reviews")).isEmpty();

            reader.waitFor(Duration.ofSeconds(20),
                    d -> expected.equals(reader.text("[data-tool=llama-4-compact-12b] .panel-percent")) ? true : null);
            assertThat(reader.script("return window.__sameDocument;")).as("no reload").isEqualTo("yes");
            WebElement skeptic = reader.find("#scorecard tr[data-lens=SKEPTIC]");
            assertThat(skeptic.getText()).contains(TAKE);
            assertThat(reader.script("return window.__pwned === undefined;")).isEqualTo(true);
            assertThat(skeptic.findElements(By.tagName("script"))).isEmpty();
            assertThat(skeptic.findElements(By.tagName("b"))).isEmpty();

            reader.open(MATCHUP);
            assertThat(reader.find("#scorecard tr[data-lens=SKEPTIC]").getText()).contains(TAKE);
            assertThat(reader.script("return window.__pwned === undefined;")).isEqualTo(true);

            reviewer.open("/desk/reviews");
            reviewer.find("article.desk-verdict[data-tool=llama-4-compact-12b] .meta a").click();
            assertThat(reviewer.text("h1")).contains("llama-4-compact-12b");
            assertThat(reviewer.findAll("ol.revisions li")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theEditorDeskListsWhatIsPublished() {
        try (Browser editor = new Browser(stack)) {
            editor.signIn("editor@toolverdicts.dev").open("/desk/catalog");
            assertThat(editor.text("h1")).isEqualTo("Editor desk");
            assertThat(editor.findAll("form[action='/desk/catalog/matchups/smolvlm-3b-vs-code-llama-4/archive']"))
                    .hasSize(1);
            editor.screenshots("desk-catalog");
            assertThat(editor.seriousAxeViolations("desk-catalog")).isEmpty();
        }
    }
}
