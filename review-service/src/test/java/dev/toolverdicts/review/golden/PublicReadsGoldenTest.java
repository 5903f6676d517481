package dev.toolverdicts.review.golden;

import static dev.toolverdicts.review.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.review.CatalogFeed;
import dev.toolverdicts.review.Http;
import dev.toolverdicts.testsupport.GoldenFile;
import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public reads the web pages are built from (the panel, a reviewer's verdicts, a tool's verdicts and each
 * verdict's history), for a small panel where the buyer flips SHIP → SKIP when the pinned model moves to v2. The
 * answers are pinned in {@code src/test/resources/golden}; web's page tests render from those files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class PublicReadsGoldenTest {

    private static final String EDITOR = TestJwts.token("editor-golden", "EDITOR");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePublicReadsKeepTheShapeThePagesRead() throws Exception {
        Http http = new Http(port);
        String smol = "smolvlm-3b";
        String llama = "code-llama-4";
        UUID smolId;
        UUID llamaId;
        try (CatalogFeed catalog = new CatalogFeed(jdbc)) {
            smolId = catalog.published(smol);
            llamaId = catalog.published(llama);
        }
        String builder = reviewer(http, "golden-builder", "Maya Okafor", "BUILDER",
                "Builds developer platforms.", "No paid relationship with any vendor reviewed here.");
        String buyer = reviewer(http, "golden-buyer", "Daniel Brooks", "BUYER",
                "Ran procurement for AI tooling.", "Paid advisor to a company that resells hosted models.");
        String builderId = json(http.get("/api/reviews/reviewers/me", builder)).get("id").asString();
        String buyerId = json(http.get("/api/reviews/reviewers/me", buyer)).get("id").asString();

        String builderSmol = submit(http, builder, smol, "SHIP", "Loads in seconds on one GPU.", "3B");
        String builderLlama = submit(http, builder, llama, "SHIP", "Fast completions in the editor.", null);
        String buyerSmol = submit(http, buyer, smol, "SHIP", "Free to try, nothing to lose.", "3B");
        HttpResponse<String> flipped = http.put("/api/reviews/verdicts/" + buyerSmol, buyer, "\"1\"",
                body("SKIP", "With v2 there is still nobody to sign a support contract with.", "3B v2"));
        assertThat(flipped.statusCode()).as(flipped.body()).isEqualTo(200);

        GoldenFile golden = new GoldenFile().name(builderId, "reviewer-builder").name(buyerId, "reviewer-buyer")
                .name(smolId, "tool-smolvlm-3b").name(llamaId, "tool-code-llama-4");
        golden.record("reviewers.json", ok(http.get("/api/reviews/reviewers")));
        golden.record("reviewer-builder-verdicts.json", ok(http.get("/api/reviews/reviewers/" + builderId
                + "/verdicts")));
        golden.record("reviewer-buyer-verdicts.json", ok(http.get("/api/reviews/reviewers/" + buyerId
                + "/verdicts")));
        golden.record("tool-smolvlm-3b-verdicts.json", ok(http.get("/api/reviews/tools/" + smol + "/verdicts")));
        golden.record("verdict-buyer-smolvlm-3b.json", ok(http.get("/api/reviews/verdicts/" + buyerSmol)));
        golden.record("revisions-builder-smolvlm-3b.json", ok(http.get("/api/reviews/verdicts/" + builderSmol
                + "/revisions")));
        golden.record("revisions-builder-code-llama-4.json", ok(http.get("/api/reviews/verdicts/" + builderLlama
                + "/revisions")));
        golden.record("revisions-buyer-smolvlm-3b.json", ok(http.get("/api/reviews/verdicts/" + buyerSmol
                + "/revisions")));
        golden.writeOrCompare();
    }

    private static String reviewer(Http http, String userId, String name, String lens, String bio, String disclosure)
            throws Exception {
        HttpResponse<String> created = http.post("/api/reviews/reviewers", EDITOR, """
                {"userId": "%s", "displayName": "%s", "lens": "%s", "bio": "%s", "disclosure": "%s"}"""
                .formatted(userId, name, lens, bio, disclosure));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestJwts.token(userId, "REVIEWER");
    }

    private static String submit(Http http, String token, String slug, String verdict, String take, String model)
            throws Exception {
        HttpResponse<String> created = http.put("/api/reviews/tools/" + slug + "/verdicts/mine", token, null,
                body(verdict, take, model));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static String body(String verdict, String take, String model) {
        return model == null ? "{\"verdict\": \"%s\", \"take\": \"%s\"}".formatted(verdict, take)
                : "{\"verdict\": \"%s\", \"take\": \"%s\", \"modelVersion\": \"%s\"}".formatted(verdict, take, model);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
