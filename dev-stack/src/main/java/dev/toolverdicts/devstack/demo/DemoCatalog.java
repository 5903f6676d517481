package dev.toolverdicts.devstack.demo;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo catalog (catalog-service's {@code demo/catalog.json}: tools, then matchups) through the gateway
 * as the demo editor, so the events travel the real path. Safe to run again: an existing slug answers 409 and is
 * skipped, and publishing something published changes nothing.
 */
public final class DemoCatalog {

    public static final String TOOLS = "tools";
    public static final String MATCHUPS = "matchups";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayApi api;
    private final JsonNode catalog;

    public DemoCatalog(GatewayApi api, Path catalogJson) {
        this.api = api;
        this.catalog = JSON.readTree(catalogJson.toFile());
    }

    public void load(String editorToken, DemoLoadReport report) throws InterruptedException {
        for (JsonNode tool : catalog.get(TOOLS)) {
            String slug = tool.get("slug").asString();
            createAndPublish(TOOLS, "/api/catalog/tools", slug, tool, editorToken, report);
        }
        for (JsonNode matchup : catalog.get(MATCHUPS)) {
            String slug = matchup.get("toolA").asString() + "-vs-" + matchup.get("toolB").asString();
            createAndPublish(MATCHUPS, "/api/catalog/matchups", slug, matchup, editorToken, report);
        }
    }

    private void createAndPublish(String kind, String collection, String slug, JsonNode body, String token,
            DemoLoadReport report) throws InterruptedException {
        try {
            HttpResponse<String> created = api.send("POST", collection, JSON.writeValueAsString(body), token);
            switch (created.statusCode()) {
                case 201 -> report.created(kind);
                case 409 -> report.existing(kind);
                default -> {
                    report.failed(GatewayApi.describe("POST " + collection + " (" + slug + ")", created));
                    return;
                }
            }
            String publish = collection + "/" + slug + "/publish";
            HttpResponse<String> published = api.send("POST", publish, null, token);
            if (published.statusCode() != 200) {
                report.failed(GatewayApi.describe("POST " + publish, published));
            }
        } catch (IOException e) {
            report.failed(kind + " " + slug + ": gateway unreachable (" + e + ")");
        }
    }
}
