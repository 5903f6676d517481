package dev.toolverdicts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every public page rendered by the real web app from the answers review-service and comparison-service pinned in
 * their own tests: the demo matchup (SmolVLM-3B 3 SHIP / 1 SKIP, Code Llama 4 4 SHIP and 8 of 10 community SHIP),
 * a panel where the buyer flipped SHIP → SKIP when the pinned model moved to "3B v2".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesFromGoldenAnswersTest {

    private static final GoldenServices SERVICES = new GoldenServices();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The logo comparison-service's golden answers give SmolVLM-3B (its test scenario); Code Llama 4 has none. */
    private static final String SMOLVLM_LOGO = "https://cdn.example.com/logos/smolvlm-3b.svg";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("catalog", "comparison", "review", "vote", "newsletter")) {
            registry.add("services." + service + ".uri", SERVICES::uri);
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void aMatchupLeadsWithAVsBAndLinksEachReviewerWithTheirDisclosure() throws Exception {
        Document page = page("/compare/smolvlm-3b-vs-code-llama-4");

        assertThat(page.select("h1").text()).isEqualTo("SmolVLM-3B vs Code Llama 4");
        assertThat(page.select(".subtitle")).as("a headline that repeats the names is not shown twice").isEmpty();
        assertThat(page.select(".page-head .question").text()).isEqualTo("Which one should you ship with?");
        assertThat(page.title()).startsWith("SmolVLM-3B vs Code Llama 4 — Which one should you ship with?");
        assertThat(page.select("[data-tool=smolvlm-3b] .panel-percent").text()).isEqualTo("75%");
        assertThat(page.select("[data-tool=smolvlm-3b] .community-percent").text()).isEqualTo("—");
        assertThat(page.select("[data-tool=code-llama-4] .panel-percent").text()).isEqualTo("100%");
        assertThat(page.select("[data-tool=code-llama-4] .community-count").text()).isEqualTo("8 of 10 votes say ship");
        assertThat(page.select("[data-tool=smolvlm-3b] .entry").text()).isEqualTo("Free");
        assertThat(page.select("[data-tool=smolvlm-3b] img.mark").attr("src"))
                .as("SmolVLM-3B has an editor-supplied logo").isEqualTo(SMOLVLM_LOGO);
        assertThat(page.select("[data-tool=code-llama-4] .mark").text()).as("Code Llama 4 has none: its monogram")
                .isEqualTo("CL");

        List<Element> rows = page.select("#scorecard tbody tr.scorecard-row");
        assertThat(rows).extracting(row -> row.attr("data-lens"))
                .containsExactly("BUILDER", "SKEPTIC", "FUTURIST", "BUYER");
        Element buyer = rows.get(3);
        assertThat(buyer.select(".verdict").eachText()).containsExactly("SKIP", "SHIP");
        assertThat(buyer.select("td").eachAttr("data-label")).containsExactly("SmolVLM-3B", "Code Llama 4");
        assertThat(buyer.select("a.reviewer").attr("href")).isEqualTo("/reviewers/daniel-brooks");
        assertThat(buyer.select("a.disclosure-marker").attr("href")).isEqualTo("/reviewers/daniel-brooks#disclosure");
        assertThat(buyer.select("a.disclosure-marker").attr("title")).contains("Paid advisor");
        assertThat(rows.get(1).select("a.reviewer")).as("a reviewer review-service does not list is not linked")
                .isEmpty();
        assertThat(rows.get(1).select(".reviewer").text()).isEqualTo("Sam Skeptic");

        assertThat(page.select("#share-chart svg rect.chart-bar").eachAttr("width"))
                .containsExactly("75", "0", "100", "80");
        assertThat(page.select("#share-chart .chart-value").eachText()).containsExactly("75%", "—", "100%", "80%");
    }

    @Test
    void anAdHocComparisonAlsoLeadsWithTheNamesInTheOrderAsked() throws Exception {
        Document page = page("/compare?tools=code-llama-4,smolvlm-3b");

        assertThat(page.select("h1").text()).isEqualTo("Code Llama 4 vs SmolVLM-3B");
        assertThat(page.select(".page-head .question").text()).isEqualTo("Which one should you ship with?");
        assertThat(page.select("#scorecard tr.scorecard-row")).hasSize(4);
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .endsWith("/cards/compare.png?tools=code-llama-4,smolvlm-3b");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
    }

    @Test
    void theToolPageShowsThePanelsHistoryWithTheFlipAfterTheModelMoved() throws Exception {
        Document page = page("/tools/smolvlm-3b");

        assertThat(page.select("h1").text()).isEqualTo("Should you ship with SmolVLM-3B?");
        List<Element> entries = page.select("#history ol.timeline > li.timeline-entry");
        assertThat(entries).hasSize(3);
        Element newest = entries.get(0);
        assertThat(newest.attr("data-flip")).isEqualTo("true");
        assertThat(newest.select(".timeline-head a").text()).isEqualTo("Daniel Brooks");
        assertThat(newest.select(".timeline-change .verdict").eachText()).containsExactly("SHIP", "SKIP");
        assertThat(newest.select(".change-text").text()).isEqualTo("Flipped");
        assertThat(newest.select(".model-note").text()).isEqualTo("after moving from 3B to 3B v2");
        assertThat(newest.select("> .take").text()).contains("nobody to sign a support contract");
        assertThat(newest.select("details.take-before .take").text()).isEqualTo("Free to try, nothing to lose.");
        assertThat(newest.select("time").attr("datetime")).isNotBlank();
        assertThat(entries.stream().map(e -> e.attr("data-kind")).toList())
                .containsExactly("REVISED", "SUBMITTED", "SUBMITTED");
        assertThat(page.select("#history .hint").text()).contains("1 flip between SHIP and SKIP");

        Element buyerVerdict = page.select("#panel-verdicts li").stream()
                .filter(li -> li.select("a.reviewer-name").attr("href").equals("/reviewers/daniel-brooks"))
                .findFirst().orElseThrow();
        assertThat(buyerVerdict.select(".verdict-meta a").attr("href")).startsWith("/verdicts/");
    }

    @Test
    void aVerdictsWholeHistoryIsReadableOnItsOwnPage() throws Exception {
        String id = GoldenServices.read(GoldenServices.REVIEW.resolve("verdict-buyer-smolvlm-3b.json")).get("id")
                .asString();
        Document page = page("/verdicts/" + id);

        assertThat(page.select("h1").text()).as("the tool's name, not its slug").isEqualTo("Daniel Brooks on SmolVLM-3B");
        assertThat(page.title()).startsWith("Daniel Brooks on SmolVLM-3B: verdict history");
        assertThat(page.select(".verdict-now .verdict").text()).isEqualTo("SKIP");
        assertThat(page.select("ol.timeline > li").eachAttr("data-kind")).containsExactly("REVISED", "SUBMITTED");
        assertThat(page.select("a[href=/reviewers/daniel-brooks]")).hasSize(1);
    }

    @Test
    void aReviewerPageShowsTheirLensBioDisclosureVerdictsAndRecord() throws Exception {
        Document buyer = page("/reviewers/daniel-brooks");

        assertThat(buyer.select("h1").text()).isEqualTo("Daniel Brooks");
        assertThat(buyer.select(".lens-line").text()).startsWith("Buyer lens");
        assertThat(buyer.select(".bio").text()).isEqualTo("Ran procurement for AI tooling.");
        assertThat(buyer.select("#disclosure p").text()).contains("Paid advisor");
        assertThat(buyer.select(".record-given").text()).isEqualTo("1");
        assertThat(buyer.select(".record-ship-rate").text()).isEqualTo("0%");
        assertThat(buyer.select(".record-flips").text()).isEqualTo("1");
        assertThat(buyer.select(".record-agreement").text()).as("SmolVLM-3B has no community votes").isEqualTo("—");
        assertThat(buyer.select(".record-rule").text()).contains("at least 10 community members");
        assertThat(buyer.select(".reviewer-verdicts li[data-tool=smolvlm-3b] a.tool-link").attr("href"))
                .isEqualTo("/tools/smolvlm-3b");

        Document builder = page("/reviewers/maya-okafor");
        assertThat(builder.select(".record-given").text()).isEqualTo("2");
        assertThat(builder.select(".record-ship-rate").text()).isEqualTo("100%");
        assertThat(builder.select(".record-flips").text()).isEqualTo("0");
        assertThat(builder.select(".record-agreement").text()).as("Code Llama 4: 8 of 10 members say SHIP, so does she")
                .isEqualTo("100%");
        assertThat(builder.select(".reviewer-verdicts li[data-tool=code-llama-4] .community-note").text())
                .contains("community says SHIP");

        Document panel = page("/reviewers");
        assertThat(panel.select(".panel-card h2 a").eachAttr("href"))
                .containsExactly("/reviewers/maya-okafor", "/reviewers/daniel-brooks");
    }

    @Test
    void theFrontPageShowsMatchupCardsTheDisagreementStripAndTheRankedTools() throws Exception {
        Document page = page("/");

        Element card = page.selectFirst(".matchup-card");
        assertThat(card.select(".matchup-names a").text()).isEqualTo("SmolVLM-3B vs Code Llama 4");
        assertThat(card.select(".matchup-names a").attr("href")).isEqualTo("/compare/smolvlm-3b-vs-code-llama-4");
        assertThat(card.select(".matchup-side .side-name").eachText()).containsExactly("SmolVLM-3B", "CL Code Llama 4");
        assertThat(card.select(".matchup-side .side-name img.mark").eachAttr("src")).containsExactly(SMOLVLM_LOGO);
        assertThat(card.select(".split-percent").eachText()).containsExactly("75%", "—", "100%", "80%");
        assertThat(card.select(".split-svg rect.split-ship").eachAttr("width")).containsExactly("75", "100", "80");

        assertThat(page.select(".gap-strip .gap-item").eachText()).singleElement().asString()
                .contains("Code Llama 4").contains("Panel 100%").contains("Community 80%").contains("20 points apart");

        List<Element> ranked = page.select(".ranked-list > li");
        assertThat(ranked).extracting(li -> li.select(".ranked-name a").text())
                .containsExactly("Code Llama 4", "SmolVLM-3B");
        assertThat(ranked.get(1).select(".ranked-facts").text()).contains("Entry Free").contains("Apache-2.0");
        assertThat(ranked.get(0).select("span.mark").text()).isEqualTo("CL");
        assertThat(ranked.get(0).select("img")).isEmpty();
    }

    @Test
    void aToolWithALogoShowsItAsALazyDecorativeImageAndOneWithoutShowsItsMonogram() throws Exception {
        Element logo = page("/tools/smolvlm-3b").selectFirst(".tool-card .card-head .mark");
        assertThat(logo.tagName()).isEqualTo("img");
        assertThat(logo.attr("src")).isEqualTo(SMOLVLM_LOGO);
        assertThat(logo.attr("alt")).as("decorative: the name is written beside it").isEmpty();
        assertThat(logo.hasAttr("alt")).isTrue();
        assertThat(logo.attr("width")).isEqualTo("40");
        assertThat(logo.attr("height")).isEqualTo("40");
        assertThat(logo.attr("loading")).isEqualTo("lazy");

        Element monogram = page("/compare/smolvlm-3b-vs-code-llama-4")
                .selectFirst(".tool-card[data-tool=code-llama-4] .card-head .mark");
        assertThat(monogram.tagName()).isEqualTo("span");
        assertThat(monogram.text()).isEqualTo("CL");
        assertThat(monogram.attr("aria-hidden")).isEqualTo("true");
    }

    @Test
    void theBrowsePageListsTheCatalogWithEachToolsSharesEntryPriceAndLicense() throws Exception {
        Document page = page("/tools");

        assertThat(page.select("h1").text()).isEqualTo("Browse tools");
        assertThat(page.select(".result-count").text()).isEqualTo("11 tools found");
        List<Element> rows = page.select(".tool-list > li.tool-row");
        assertThat(rows).hasSize(6);
        Element codeLlama = rows.stream().filter(row -> row.select("input[value=code-llama-4]").size() == 1)
                .findFirst().orElseThrow();
        assertThat(codeLlama.select(".tool-row-body a").attr("href")).isEqualTo("/tools/code-llama-4");
        assertThat(codeLlama.select(".category").text()).isEqualTo("Developer Tools");
        assertThat(codeLlama.select(".tagline").text()).isEqualTo("Open-weight coding models in 7B, 34B and 200B sizes.");
        assertThat(codeLlama.select(".row-figures").text())
                .isEqualTo("Panel 100% · Community 80% · Entry Free · Llama Community License");
        assertThat(page.select("#category option").eachText()).containsExactly("Any category", "Developer Tools");
        assertThat(page.select(".pagination [aria-current=page]").text()).isEqualTo("Page 1 of 2");
        assertThat(page.select(".pagination a[rel=next]").attr("href")).isEqualTo("/tools?page=1");

        Document search = page("/tools?q=llama");
        assertThat(search.select("#q").attr("value")).isEqualTo("llama");
        assertThat(search.select(".result-count").text()).isEqualTo("2 tools found");
        assertThat(search.select(".tool-row input[name=tools]").eachAttr("value"))
                .containsExactlyInAnyOrder("code-llama-4", "llama-4-compact-12b");
        assertThat(search.select("a[href=/tools]").eachText()).contains("Clear filters");
        assertThat(search.select(".pagination")).isEmpty();
    }

    @Test
    void anUnknownReviewerIsANotFoundPage() throws Exception {
        HttpResponse<String> response = get("/reviewers/nobody-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Not found");
    }

    @Test
    void theToolPageOffersItsBadgeSnippetsFeedAndShareCard() throws Exception {
        Document page = page("/tools/smolvlm-3b");

        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith("/cards/tools/smolvlm-3b.png");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .contains("/feeds/tools/smolvlm-3b/verdicts.atom", "/feeds/verdicts.atom", "/feeds/matchups.atom");
        assertThat(page.select("#embed-html").text()).contains("<img src=\"", "/badges/tools/smolvlm-3b.svg\"",
                "/tools/smolvlm-3b\"");
        assertThat(page.select("#embed-markdown").text()).contains("[![SmolVLM-3B on Tool Verdicts](",
                "/badges/tools/smolvlm-3b.svg)](");
        assertThat(page.select(".embed img").attr("src")).isEqualTo("/badges/tools/smolvlm-3b.svg");
    }

    @Test
    void aMatchupPageSharesItsCardAndThePanelsFeedsAreLinked() throws Exception {
        assertThat(page("/compare/smolvlm-3b-vs-code-llama-4").select("meta[property=og:image]").attr("content"))
                .endsWith("/cards/matchups/smolvlm-3b-vs-code-llama-4.png");
        assertThat(page("/reviewers/daniel-brooks").select("link[rel=alternate][type=application/atom+xml]")
                .eachAttr("href")).anyMatch(href -> href.startsWith("/feeds/reviewers/") && href.endsWith("/verdicts.atom"));
        assertThat(page("/").select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
    }

    @Test
    void noPageCarriesInlineScriptOrStyle() throws Exception {
        for (String path : List.of("/", "/compare/smolvlm-3b-vs-code-llama-4", "/tools/smolvlm-3b",
                "/reviewers/daniel-brooks", "/reviewers")) {
            Document page = page(path);
            assertThat(page.select("script:not([src])")).as("inline script on " + path).isEmpty();
            assertThat(page.select("style, [style]")).as("inline style on " + path).isEmpty();
        }
    }

    @Test
    void aReaderWhoIsNotSignedInGetsNoHtmxTheirFormsPostAsPlainForms() throws Exception {
        Document page = page("/compare/smolvlm-3b-vs-code-llama-4");
        assertThat(page.select("script[src*=htmx]")).isEmpty();
        assertThat(page.select("script[src=/js/site.js]")).hasSize(1);
        assertThat(page.select("#signup form").attr("method")).isEqualTo("post");
        assertThat(page.select("#signup form").attr("action")).isEqualTo("/newsletter/subscriptions");
    }

    @Test
    void pagesGoOutCompressedAndTheSiteHasAnIcon() throws Exception {
        HttpResponse<byte[]> home = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(page("/").select("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
