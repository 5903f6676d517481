package dev.toolverdicts.devstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo tools through the gateway's public catalog API, the way an editor would, so the events travel the
 * real path (catalog, outbox, Kafka, comparison). Safe to run again: existing slugs answer 409 and are skipped,
 * publishing a published tool changes nothing.
 */
public final class DemoCatalog {

    private static final String RESOURCE = "/demo/tools.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public DemoCatalog(URI gateway) {
        this.gateway = gateway;
    }

    /** The demo tools from the JSON resource. */
    public static List<DemoTool> tools() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JSON.readValue(in, new TypeReference<List<DemoTool>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DemoLoadReport load() {
        return load(tools());
    }

    public DemoLoadReport load(List<DemoTool> tools) {
        int created = 0;
        int existing = 0;
        int published = 0;
        List<String> failures = new ArrayList<>();
        for (DemoTool tool : tools) {
            try {
                HttpResponse<String> create = post("/api/catalog/tools", JSON.writeValueAsString(tool));
                if (create.statusCode() == 201) {
                    created++;
                } else if (create.statusCode() == 409) {
                    existing++;
                } else {
                    failures.add(describe("POST /api/catalog/tools (" + tool.slug() + ")", create));
                    continue;
                }
                HttpResponse<String> publish = publish(tool.slug());
                if (publish.statusCode() == 200) {
                    published++;
                } else {
                    failures.add(describe("POST /api/catalog/tools/" + tool.slug() + "/publish", publish));
                }
            } catch (IOException e) {
                failures.add(tool.slug() + ": gateway unreachable at " + gateway + " (" + e + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("interrupted");
                break;
            }
        }
        return new DemoLoadReport(created, existing, published, failures);
    }

    public HttpResponse<String> create(DemoTool tool) throws IOException, InterruptedException {
        return post("/api/catalog/tools", JSON.writeValueAsString(tool));
    }

    public HttpResponse<String> publish(String slug) throws IOException, InterruptedException {
        return post("/api/catalog/tools/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/publish", "");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json, application/problem+json");
        if (body.isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String describe(String call, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        String hint = response.statusCode() == 404 ? " (is the catalog API there yet, and routed by the gateway?)" : "";
        return call + " answered " + response.statusCode() + hint + (body.isEmpty() ? "" : ": " + body);
    }
}
