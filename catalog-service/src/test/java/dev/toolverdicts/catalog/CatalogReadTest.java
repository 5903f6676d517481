package dev.toolverdicts.catalog;

import static dev.toolverdicts.catalog.Http.json;
import static dev.toolverdicts.catalog.Http.problemFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The public read side over the demo catalog, loaded through the API as the dev stack does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogReadTest {

    private static final String TOOLS = "/api/catalog/tools";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeAll
    void loadTheDemoCatalog() throws Exception {
        http = new Http(port);
        assertThat(new DemoCatalogLoader(http).load()).containsOnly(201);
    }

    @Test
    void loadingTheDemoCatalogAgainChangesNothing() throws Exception {
        String state = jdbc.sql("select string_agg(slug || ':' || version, ',' order by slug) from tool")
                .query(String.class).single();
        String matchups = jdbc.sql("select string_agg(slug || ':' || version, ',' order by slug) from matchup")
                .query(String.class).single();
        long outbox = jdbc.sql("select count(*) from outbox_event").query(Long.class).single();

        assertThat(new DemoCatalogLoader(http).load()).containsOnly(409);

        assertThat(jdbc.sql("select string_agg(slug || ':' || version, ',' order by slug) from tool")
                .query(String.class).single()).isEqualTo(state);
        assertThat(jdbc.sql("select string_agg(slug || ':' || version, ',' order by slug) from matchup")
                .query(String.class).single()).isEqualTo(matchups);
        assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isEqualTo(outbox);
        assertThat(state).contains("smolvlm-3b:2", "code-llama-4:2", "llama-4-compact-12b:2");
    }

    @Test
    void theDemoToolsReadAsTheBriefSays() throws Exception {
        JsonNode smol = json(http.get(TOOLS + "/smolvlm-3b"));
        assertThat(smol.get("vendor").asString()).isEqualTo("Hugging Face");
        assertThat(smol.get("license").asString()).isEqualTo("Apache-2.0");
        assertThat(smol.get("pricing").get("entry").asString()).isEqualTo("Free");
        assertThat(json(http.get(TOOLS + "/shipwright-code")).get("pricing").get("entry").asString())
                .isEqualTo("from $20/month");
        assertThat(json(http.get(TOOLS + "/nimbus-llm-api")).get("pricing").get("entry").asString())
                .isEqualTo("$0.50 per 1M tokens");
        assertThat(json(http.get(TOOLS + "/code-llama-4")).get("facts").get("parametersBillions").toString())
                .isEqualTo("[7,34,200]");
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        assertThat(slugs("?category=" + encode("Developer Tools")))
                .containsExactly("code-llama-4", "llama-4-compact-12b", "shipwright-code", "smolvlm-3b", "tabwise");
        assertThat(slugs("?license=" + encode("Llama Community License")))
                .containsExactly("code-llama-4", "llama-4-compact-12b");
        assertThat(slugs("?pricing=USAGE_BASED")).containsExactly("canvasly", "nimbus-llm-api", "whisperline");
        assertThat(slugs("?openWeights=true"))
                .containsExactly("aurora-8b", "code-llama-4", "docsift-ocr-1b", "llama-4-compact-12b", "smolvlm-3b");
        assertThat(slugs("?minParams=10&maxParams=40")).containsExactly("code-llama-4", "llama-4-compact-12b");
        assertThat(slugs("?maxParams=1")).containsExactly("docsift-ocr-1b");
        assertThat(slugs("?openWeights=true&category=" + encode("Vision-Language Models")))
                .containsExactly("docsift-ocr-1b");
        assertThat(slugs("?openWeights=true&category=" + encode("Developer Tools")))
                .containsExactly("code-llama-4", "llama-4-compact-12b", "smolvlm-3b");
    }

    @Test
    void fullTextSearchCoversNameVendorTaglineAndDescription() throws Exception {
        assertThat(slugs("?q=llama")).containsExactlyInAnyOrder("code-llama-4", "llama-4-compact-12b");
        assertThat(slugs("?q=" + encode("transcribes audio"))).containsExactly("whisperline");
        assertThat(slugs("?q=" + encode("hugging face"))).containsExactly("smolvlm-3b");
        assertThat(slugs("?q=refactors")).containsExactly("code-llama-4");
        assertThat(slugs("?q=invoices")).containsExactly("docsift-ocr-1b");
        assertThat(slugs("?q=" + encode("vision-language"))).first().isEqualTo("smolvlm-3b");
        assertThat(slugs("?q=nothingmatchesthis")).isEmpty();
    }

    @Test
    void sortAndPaginationWalkTheWholeListOnce() throws Exception {
        assertThat(slugs("?sort=-name")).first().isEqualTo("whisperline");
        assertThat(slugs("?sort=-released")).first().isEqualTo("llama-4-compact-12b");
        List<String> byName = slugs("");
        assertThat(byName).hasSize(11).first().isEqualTo("aurora-8b");

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = json(http.get(TOOLS + "?size=4&page=" + page));
            assertThat(body.get("totalItems").asLong()).isEqualTo(11);
            assertThat(body.get("totalPages").asInt()).isEqualTo(3);
            body.get("items").forEach(item -> paged.add(item.get("slug").asString()));
        }
        assertThat(paged).isEqualTo(byName);
        List<String> reversed = new ArrayList<>(byName);
        Collections.reverse(reversed);
        assertThat(slugs("?sort=-name")).isEqualTo(reversed);
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() throws Exception {
        for (var bad : Map.of("?sort=popularity", "sort", "?size=0", "size", "?size=500", "size",
                "?pricing=GRATIS", "pricing", "?openWeights=maybe", "openWeights",
                "?minParams=40&maxParams=10", "maxParams", "?page=-1", "page").entrySet()) {
            HttpResponse<String> response = http.get(TOOLS + bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(problemFields(response)).as(bad.getKey()).contains(bad.getValue());
        }
    }

    @Test
    void listsCarryAnETagAndAnswer304() throws Exception {
        for (String list : List.of(TOOLS + "?category=" + encode("Developer Tools"), "/api/catalog/matchups")) {
            HttpResponse<String> first = http.get(list);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(http.get(list, Map.of("If-None-Match", etag)).statusCode()).as(list).isEqualTo(304);
        }
    }

    @Test
    void matchupsAreListedLatestFirst() throws Exception {
        JsonNode body = json(http.get("/api/catalog/matchups"));
        assertThat(body.get("totalItems").asLong()).isEqualTo(2);
        assertThat(body.get("items").valueStream().map(m -> m.get("slug").asString()).toList())
                .containsExactly("smolvlm-3b-vs-llama-4-compact-12b", "smolvlm-3b-vs-code-llama-4");
        JsonNode first = json(http.get("/api/catalog/matchups/smolvlm-3b-vs-code-llama-4"));
        assertThat(first.get("headline").asString()).isEqualTo("SmolVLM-3B vs Code Llama 4");
        assertThat(first.get("toolB").get("name").asString()).isEqualTo("Code Llama 4");
    }

    @Test
    void theOpenApiDocumentIsServedUnderTheCatalogPath() throws Exception {
        HttpResponse<String> docs = http.get("/api/catalog/openapi");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = json(docs);
        assertThat(api.get("info").get("description").asString()).contains("unknown fields are rejected");
        assertThat(api.get("paths").propertyNames()).contains("/api/catalog/tools", "/api/catalog/tools/{slug}",
                "/api/catalog/matchups", "/api/catalog/matchups/{slug}/publish");
    }

    private List<String> slugs(String query) throws Exception {
        HttpResponse<String> response = http.get(TOOLS + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return json(response).get("items").valueStream().map(item -> item.get("slug").asString()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
