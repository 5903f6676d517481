package dev.toolverdicts.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.testsupport.AtomFeeds;
import dev.toolverdicts.testsupport.EventProducer;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What spreads the verdicts beyond the site, read anonymously from the hot views: SVG badges, PNG share cards and
 * Atom feeds, each with its cache headers and ETag, 404 problem+json for what does not exist, and all of them
 * following a verdict that changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.consumers.retry-interval=20ms", "comparison.site-url=https://verdicts.example"})
@WithPostgres
@WithKafka
@WithJwtIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenPlatformTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The test writes what it rendered here; docs/screenshots holds copies. */
    static final Path RENDERED = Path.of("target/open-platform");

    private final EventProducer producer = new EventProducer();
    private final Scenario s = new Scenario();

    @LocalServerPort
    int port;

    @BeforeAll
    void seed() {
        s.events().forEach(producer::sendAny);
        producer.flush();
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            HttpResponse<String> matchup = get("/api/comparisons/matchups/" + s.matchupSlug(), null);
            return matchup.statusCode() == 200 && matchup.body().contains("\"display\":\"75% · 3 of 4\"")
                    && matchup.body().contains("\"display\":\"80% · 8 of 10\"");
        });
    }

    @AfterAll
    void close() {
        producer.close();
    }

    @Test
    void aToolBadgeIsAnAccessibleSvgWithCacheHeadersAndAnETag() throws Exception {
        HttpResponse<String> badge = get("/badges/tools/" + s.smolvlmSlug() + ".svg", null);

        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(badge.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=60");
        assertThat(badge.body()).contains("role=\"img\"", "aria-label=\"Panel ship 75% · Tool Verdicts\"",
                "<title>Panel ship 75% · Tool Verdicts</title>");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(badge.body().getBytes(StandardCharsets.UTF_8)));
        String etag = badge.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/badges/tools/" + s.smolvlmSlug() + ".svg", etag).statusCode()).isEqualTo(304);
        Files.createDirectories(RENDERED);
        Files.writeString(RENDERED.resolve("badge-tool.svg"), badge.body());
    }

    @Test
    void aMatchupBadgeShowsBothTools() throws Exception {
        HttpResponse<String> badge = get("/badges/matchups/" + s.matchupSlug() + ".svg", null);

        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.body()).contains("Panel ship SmolVLM-3B 75% vs Code Llama 4 100% · Tool Verdicts");
        Files.createDirectories(RENDERED);
        Files.writeString(RENDERED.resolve("badge-matchup.svg"), badge.body());
    }

    @Test
    void unknownSlugsAre404ProblemsNotImages() throws Exception {
        for (String path : List.of("/badges/tools/nope-" + s.suffix + ".svg", "/badges/matchups/nope.svg",
                "/cards/tools/nope-" + s.suffix + ".png", "/cards/matchups/nope.png",
                "/feeds/tools/nope-" + s.suffix + "/verdicts.atom")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", "image/*,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path)
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("slug");
        }
    }

    @Test
    void shareCardsAre1200By630PngsWithAnETag() throws Exception {
        for (String path : List.of("/cards/tools/" + s.codeLlamaSlug() + ".png",
                "/cards/matchups/" + s.matchupSlug() + ".png")) {
            HttpResponse<byte[]> card = HTTP.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(card.statusCode()).as(path).isEqualTo(200);
            assertThat(card.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(card.body()));
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(630);
            String etag = card.headers().firstValue("ETag").orElseThrow();
            assertThat(get(path, etag).statusCode()).as(path).isEqualTo(304);
            Files.createDirectories(RENDERED);
            Files.write(RENDERED.resolve(path.contains("matchups") ? "card-matchup.png" : "card-tool.png"),
                    card.body());
        }
    }

    @Test
    void anAdHocComparisonOfTwoToFourToolsHasItsCardToo() throws Exception {
        Scenario more = new Scenario();
        more.events().forEach(producer::sendAny);
        producer.flush();
        String four = String.join(",", s.smolvlmSlug(), s.codeLlamaSlug(), more.smolvlmSlug(), more.codeLlamaSlug());
        // every event of the second scenario applied, as seed() waits for the first: the card stops changing
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            HttpResponse<String> matchup = get("/api/comparisons/matchups/" + more.matchupSlug(), null);
            return matchup.statusCode() == 200 && matchup.body().contains("\"display\":\"75% · 3 of 4\"")
                    && matchup.body().contains("\"display\":\"80% · 8 of 10\"");
        });

        for (String tools : List.of(s.codeLlamaSlug() + "," + s.smolvlmSlug(), four)) {
            String path = "/cards/compare.png?tools=" + tools;
            HttpResponse<byte[]> card = HTTP.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(card.statusCode()).as(path).isEqualTo(200);
            assertThat(card.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(card.body()));
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(630);
            assertThat(get(path, card.headers().firstValue("ETag").orElseThrow()).statusCode()).as(path)
                    .isEqualTo(304);
            Files.createDirectories(RENDERED);
            Files.write(RENDERED.resolve("card-compare-" + tools.split(",").length + ".png"), card.body());
        }
        assertThat(get("/cards/compare.png?tools=" + s.smolvlmSlug(), null).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/cards/compare.png?tools=" + s.smolvlmSlug() + ",nope-" + s.suffix, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("tools");
    }

    @Test
    void theFeedsAreValidAtomOfTheVerdictsAndMatchups() throws Exception {
        List<AtomFeeds.Entry> all = AtomFeeds.entriesOfValid(get("/feeds/verdicts.atom", null).body());
        assertThat(all).extracting(AtomFeeds.Entry::title).contains("Grace Buyer says SKIP to SmolVLM-3B (revised)");

        HttpResponse<String> tool = get("/feeds/tools/" + s.codeLlamaSlug() + "/verdicts.atom", null);
        assertThat(tool.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        List<AtomFeeds.Entry> toolEntries = AtomFeeds.entriesOfValid(tool.body());
        assertThat(toolEntries).hasSize(4).allSatisfy(entry -> assertThat(entry.link())
                .isEqualTo("https://verdicts.example/tools/" + s.codeLlamaSlug()));
        assertThat(get("/feeds/tools/" + s.codeLlamaSlug() + "/verdicts.atom",
                tool.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);

        List<AtomFeeds.Entry> reviewer = AtomFeeds.entriesOfValid(
                get("/feeds/reviewers/" + s.reviewers.get(0) + "/verdicts.atom", null).body());
        assertThat(reviewer).extracting(AtomFeeds.Entry::title)
                .contains("Ada Builder says SHIP to SmolVLM-3B (revised)", "Ada Builder says SHIP to Code Llama 4");

        List<AtomFeeds.Entry> matchups = AtomFeeds.entriesOfValid(get("/feeds/matchups.atom", null).body());
        assertThat(matchups).extracting(AtomFeeds.Entry::link)
                .contains("https://verdicts.example/compare/" + s.matchupSlug());
    }

    @Test
    void badgesCardsAndFeedsFollowAVerdictThatChanges() throws Exception {
        Scenario other = new Scenario();
        other.events().forEach(producer::sendAny);
        producer.flush();
        String badgePath = "/badges/tools/" + other.smolvlmSlug() + ".svg";
        String cardPath = "/cards/tools/" + other.smolvlmSlug() + ".png";
        Awaitility.await().atMost(EVENTUALLY).until(() -> get(badgePath, null).body().contains("75%"));
        String badgeTag = get(badgePath, null).headers().firstValue("ETag").orElseThrow();
        String cardTag = get(cardPath, null).headers().firstValue("ETag").orElseThrow();

        producer.send(EventTypes.REVIEW_VERDICT, other.smolvlmBuyerWithdrawn());
        producer.flush();

        Awaitility.await().atMost(EVENTUALLY).until(() -> get(badgePath, null).body().contains("Panel ship 100%"));
        assertThat(get(badgePath, badgeTag).statusCode()).isEqualTo(200);
        assertThat(get(cardPath, cardTag).statusCode()).isEqualTo(200);
        assertThat(AtomFeeds.entriesOfValid(get("/feeds/tools/" + other.smolvlmSlug() + "/verdicts.atom", null)
                .body())).extracting(AtomFeeds.Entry::title)
                .contains("Grace Buyer withdrew the verdict on SmolVLM-3B");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
