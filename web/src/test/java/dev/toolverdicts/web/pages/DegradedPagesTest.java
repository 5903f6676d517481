package dev.toolverdicts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With vote-service down, a signed-in member's comparison and tool pages still render what the comparison view has
 * (panel and the last community counts) and say that voting is unavailable, instead of failing as a whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DegradedPagesTest {

    private static final GoldenServices SERVICES = new GoldenServices();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // the gateway verified it; web only reads the claims
    private static final String MEMBER = "Bearer " + part("{\"alg\":\"RS256\"}") + "."
            + part("{\"sub\":\"member-1\",\"name\":\"Member One\",\"roles\":[\"MEMBER\"]}") + ".c2ln";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("catalog", "comparison", "review", "newsletter")) {
            registry.add("services." + service + ".uri", SERVICES::uri);
        }
        registry.add("services.vote.uri", () -> "http://127.0.0.1:" + closedPort());
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void theComparisonPageRendersWithThePanelAndSaysVotingIsUnavailable() throws Exception {
        Document page = memberPage("/compare/smolvlm-3b-vs-code-llama-4");

        assertThat(page.select("[data-tool=smolvlm-3b] .panel-percent").text()).isEqualTo("75%");
        assertThat(page.select("[data-tool=code-llama-4] .community-count").text()).isEqualTo("8 of 10 votes say ship");
        assertThat(page.select(".vote .notice")).hasSize(2)
                .allSatisfy(notice -> assertThat(notice.text()).contains("Community voting is unavailable right now"));
        assertThat(page.select(".vote form")).as("no buttons that would fail").isEmpty();
    }

    @Test
    void theToolPageRendersAndSaysVotingIsUnavailable() throws Exception {
        Document page = memberPage("/tools/smolvlm-3b");

        assertThat(page.select(".vote .notice").text()).contains("Community voting is unavailable right now");
        assertThat(page.select(".vote form")).isEmpty();
    }

    @Test
    void whenTheComparisonViewItselfIsMissingThePageIsABranded503ThatRetriesItself() throws Exception {
        SERVICES.stop();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/tools/smolvlm-3b")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("15");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("15");
            assertThat(page.select("h1").text()).isEqualTo("Temporarily unavailable");
            assertThat(page.select(".site-header")).as("the site's own page").isNotEmpty();
        } finally {
            SERVICES.restart();
        }
    }

    private Document memberPage(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", MEMBER).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
