package dev.toolverdicts.catalog.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.catalog.DemoCatalogLoader;
import dev.toolverdicts.catalog.Http;
import dev.toolverdicts.testsupport.GoldenFile;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalog reads web's browse page is built from (the first page of the list, a search), over the demo catalog
 * loaded through the API as the dev stack does, pinned in {@code src/test/resources/golden}; web's page tests render
 * from those files. The queries are the ones web sends for {@code /tools} and {@code /tools?q=llama} (page size 6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithJwtIssuer
class PublicReadsGoldenTest {

    @LocalServerPort
    int port;

    @Test
    void thePublicReadsKeepTheShapeTheBrowsePageReads() throws Exception {
        Http http = new Http(port);
        assertThat(new DemoCatalogLoader(http).load()).containsOnly(201);

        GoldenFile golden = new GoldenFile();
        golden.record("tools-page-0.json", ok(http, "/api/catalog/tools?page=0&size=6"));
        golden.record("tools-q-llama.json", ok(http, "/api/catalog/tools?q=llama&page=0&size=6"));
        golden.writeOrCompare();
    }

    private static String ok(Http http, String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
