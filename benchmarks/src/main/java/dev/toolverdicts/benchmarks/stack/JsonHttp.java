package dev.toolverdicts.benchmarks.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Setup and check calls (not measured): JSON over the JDK client, failing loudly on an unexpected status. */
public final class JsonHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public HttpResponse<String> send(String method, String url, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** GET and parse, requiring 200. */
    public JsonNode getJson(String url, String token) {
        HttpResponse<String> response = send("GET", url, null, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    public static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
