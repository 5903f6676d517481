package dev.toolverdicts.devstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Community votes from a member's browser reach another reader's open page over server-sent events, without a
 * reload; and voting works with the keyboard alone.
 */
@ExtendWith(WebStack.class)
class LiveVoteIT {

    private static final String MATCHUP = "/compare/smolvlm-3b-vs-llama-4-compact-12b";
    private static final String COUNT = "[data-tool=llama-4-compact-12b] .community-count";

    private final WebStack.Running stack;

    LiveVoteIT(WebStack.Running stack) {
        this.stack = stack;
    }

    @Test
    void aMembersVoteShowsUpLiveInAnotherBrowser() {
        try (Browser member = new Browser(stack); Browser watcher = new Browser(stack)) {
            watcher.open(MATCHUP);
            watcher.waitFor(d -> "connected".equals(watcher.script("return document.body.dataset.live;")) ? true
                    : null);
            String before = watcher.text(COUNT);
            watcher.script("window.__sameDocument = 'yes';");

            member.signIn("member1@toolverdicts.dev").open(MATCHUP);
            boolean shipped = "true".equals(member.find("#vote-llama-4-compact-12b button[value=SHIP]")
                    .getAttribute("aria-pressed"));
            String choice = shipped ? "SKIP" : "SHIP";
            member.find("#vote-llama-4-compact-12b button[value=" + choice + "]").click();
            member.waitFor(d -> member.text("#vote-llama-4-compact-12b .my-vote")
                    .contains(shipped ? "skip it" : "ship it") ? true : null);
            assertThat(member.find("#vote-llama-4-compact-12b button[value=" + choice + "]").getAttribute("aria-pressed"))
                    .isEqualTo("true");
            member.screenshots("compare-member-voted");

            String after = watcher.waitFor(Duration.ofSeconds(20),
                    d -> watcher.text(COUNT).equals(before) ? null : watcher.text(COUNT));
            assertThat(after).isNotEqualTo(before).contains(" of ");
            assertThat(watcher.script("return window.__sameDocument;")).as("no reload").isEqualTo("yes");
            assertThat(watcher.text("[data-tool=llama-4-compact-12b] .community-percent")).endsWith("%");
        }
    }

    @Test
    void keyboardOnlyVoting() {
        try (Browser member = new Browser(stack)) {
            member.signIn("member2@toolverdicts.dev").open("/compare?tools=tabwise,shipwright-code");
            WebElement target = member.find("#vote-tabwise button[value=SKIP]");
            Actions keys = new Actions(member.driver());
            boolean reached = false;
            for (int i = 0; i < 60 && !reached; i++) {
                keys.sendKeys(Keys.TAB).perform();
                reached = target.equals(member.driver().switchTo().activeElement());
            }
            assertThat(reached).as("the Skip button of Tabwise is reachable with Tab").isTrue();
            assertThat(member.script("return getComputedStyle(document.activeElement).outlineStyle;"))
                    .as("focus is visible").isNotEqualTo("none");
            keys.sendKeys(Keys.ENTER).perform();
            member.waitFor(d -> member.text("#vote-tabwise .my-vote").contains("skip it") ? true : null);
            assertThat(member.find("#vote-tabwise button[value=SKIP]").getAttribute("aria-pressed")).isEqualTo("true");
            member.waitFor(d -> member.text("[data-tool=tabwise] .community-percent").equals("—") ? null : true);
            assertThat(member.text("[data-tool=tabwise] .community-count")).contains(" of 1 vote");
        }
    }
}
