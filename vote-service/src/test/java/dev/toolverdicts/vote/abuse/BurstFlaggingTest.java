package dev.toolverdicts.vote.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.vote.CatalogFeed;
import dev.toolverdicts.vote.VoteHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A burst of votes from fresh accounts is flagged, shown in the tally, and resolved by an admin, never deleted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vote.abuse.burst-threshold=3", "vote.abuse.burst-window=10m", "vote.abuse.new-account-age=30m"})
@WithPostgres
@WithKafka
@WithJwtIssuer
class BurstFlaggingTest {

    private static final CatalogFeed CATALOG = new CatalogFeed();
    private static final String ADMIN = TestJwts.bearer("admin-1", "ADMIN");

    @LocalServerPort
    int port;

    @AfterAll
    static void closeFeed() {
        CATALOG.close();
    }

    @Test
    void votesBeyondTheBurstThresholdAreFlaggedAndAnAdminKeepsOrRejectsThem() {
        VoteHttp api = new VoteHttp(port);
        String slug = "hyped-" + UUID.randomUUID().toString().substring(0, 8);
        CATALOG.tool(UUID.randomUUID(), 1, slug, ToolStatus.PUBLISHED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/votes/tools/" + slug + "/tally", null).statusCode() == 200);

        for (int i = 0; i < 6; i++) {
            assertThat(api.put(slug, "SHIP", slug + "-fresh-" + i).statusCode()).isEqualTo(200);
        }
        assertTally(api, slug, 6, 0, 3);

        List<JsonNode> open = flags(api, true, slug);
        assertThat(open).hasSize(3);
        assertThat(open).extracting(f -> f.get("memberId").asString())
                .containsExactly(slug + "-fresh-3", slug + "-fresh-4", slug + "-fresh-5");
        assertThat(open.getFirst().get("reason").asString()).startsWith("burst:");
        assertThat(api.get("/api/votes/admin/flags", TestJwts.bearer("m", "MEMBER")).statusCode()).isEqualTo(403);

        HttpResponse<String> kept = resolve(api, open.get(0), "KEEP");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(VoteHttp.JSON.readTree(kept.body()).get("resolvedBy").asString()).isEqualTo("admin-1");
        assertTally(api, slug, 6, 0, 2);

        assertThat(resolve(api, open.get(1), "REJECT").statusCode()).isEqualTo(200);
        assertTally(api, slug, 5, 0, 1);
        assertThat(resolve(api, open.get(1), "REJECT").statusCode()).as("same decision again").isEqualTo(200);
        assertTally(api, slug, 5, 0, 1);
        HttpResponse<String> changedMind = resolve(api, open.get(1), "KEEP");
        assertThat(changedMind.statusCode()).isEqualTo(409);
        assertThat(changedMind.body()).contains("\"field\":\"resolution\"");

        assertThat(api.put(slug, "SKIP", slug + "-fresh-4").statusCode()).isEqualTo(200);
        assertTally(api, slug, 5, 0, 1);
        assertThat(api.retract(slug, slug + "-fresh-5").statusCode()).isEqualTo(204);
        assertTally(api, slug, 4, 0, 0);

        assertThat(flags(api, true, slug)).hasSize(1).as("a retracted vote's flag stays for the admin")
                .allSatisfy(flag -> assertThat(flag.get("currentVote").isNull()).isTrue());
        assertThat(flags(api, false, slug)).hasSize(2).extracting(f -> f.get("resolution").asString())
                .containsExactly("KEEP", "REJECT");
        assertThat(api.post("/api/votes/admin/flags/999999/resolution", "{\"resolution\": \"KEEP\"}", ADMIN)
                .statusCode()).isEqualTo(404);
        assertThat(api.post("/api/votes/admin/flags/1/resolution", "{\"resolution\": \"MAYBE\"}", ADMIN)
                .statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> resolve(VoteHttp api, JsonNode flag, String resolution) {
        return api.post("/api/votes/admin/flags/" + flag.get("id").asLong() + "/resolution",
                "{\"resolution\": \"" + resolution + "\"}", ADMIN);
    }

    private static List<JsonNode> flags(VoteHttp api, boolean open, String slug) {
        HttpResponse<String> response = api.get("/api/votes/admin/flags?open=" + open, ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        return VoteHttp.JSON.readTree(response.body()).valueStream()
                .filter(flag -> flag.get("slug").asString().equals(slug)).toList();
    }

    private static void assertTally(VoteHttp api, String slug, long ship, long skip, long flagged) {
        JsonNode tally = api.tally(slug);
        assertThat(tally.get("ship").asLong()).as("ship").isEqualTo(ship);
        assertThat(tally.get("skip").asLong()).as("skip").isEqualTo(skip);
        assertThat(tally.get("flagged").asLong()).as("flagged").isEqualTo(flagged);
    }
}
