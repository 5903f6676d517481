package dev.toolverdicts.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Loads {@code demo/catalog.json} through the public API exactly as the dev stack does: POST each entry as the
 * editor (201, or 409 when it exists), then publish it (a no-op when published already).
 */
public final class DemoCatalogLoader {

    private final Http http;

    public DemoCatalogLoader(Http http) {
        this.http = http;
    }

    public static JsonNode catalog() throws IOException {
        try (InputStream in = DemoCatalogLoader.class.getResourceAsStream("/demo/catalog.json")) {
            return Http.JSON.readTree(in);
        }
    }

    /** The status codes of every create, in file order (tools, then matchups). */
    public List<Integer> load() throws IOException, InterruptedException {
        List<Integer> creates = new ArrayList<>();
        for (JsonNode tool : catalog().get("tools")) {
            creates.add(createAndPublish("/api/catalog/tools", tool, tool.get("slug").asString()));
        }
        for (JsonNode matchup : catalog().get("matchups")) {
            String slug = matchup.get("toolA").asString() + "-vs-" + matchup.get("toolB").asString();
            creates.add(createAndPublish("/api/catalog/matchups", matchup, slug));
        }
        return creates;
    }

    private int createAndPublish(String collection, JsonNode body, String slug)
            throws IOException, InterruptedException {
        HttpResponse<String> created = http.post(collection, Http.JSON.writeValueAsString(body));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new AssertionError("POST " + collection + " " + slug + ": " + created.statusCode() + " "
                    + created.body());
        }
        HttpResponse<String> published = http.post(collection + "/" + slug + "/publish", "");
        if (published.statusCode() != 200) {
            throw new AssertionError("publish " + slug + ": " + published.statusCode() + " " + published.body());
        }
        return created.statusCode();
    }
}
