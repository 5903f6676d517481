package dev.toolverdicts.catalog;

import dev.toolverdicts.testsupport.TestJwts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog API as a client sees it: real HTTP against the test server, bearer tokens from the test issuer. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String EDITOR = TestJwts.token("editor-1", "EDITOR");
    public static final String MEMBER = TestJwts.token("member-1", "MEMBER");
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POST as the editor. */
    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path, EDITOR, null).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return send(request(path, token, null).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> post(String path, String token, String ifMatch, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send(request(path, token, ifMatch).POST(body).build());
    }

    /** PUT as the editor. */
    public HttpResponse<String> put(String path, String ifMatch, String body) throws IOException, InterruptedException {
        return send(putRequest(path, ifMatch, body));
    }

    public CompletableFuture<HttpResponse<String>> putAsync(String path, String ifMatch, String body) {
        return CLIENT.sendAsync(putRequest(path, ifMatch, body), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The fields a problem+json answer names in its {@code errors}. */
    public static List<String> problemFields(HttpResponse<String> response) {
        return json(response).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    /** A complete, valid tool body; {@code overrides} replace top-level members with raw JSON values. */
    public static String toolBody(String slug, Map<String, String> overrides) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("slug", quote(slug));
        members.put("name", quote("SmolVLM-3B"));
        members.put("vendor", quote("Hugging Face"));
        members.put("category", quote("Vision-Language Models"));
        members.put("tagline", quote("3B vision-language model"));
        members.put("description", quote("Reads images and documents."));
        members.put("license", quote("Apache-2.0"));
        members.put("pricing", "{\"model\": \"USAGE_BASED\", \"amount\": 0.50, \"currency\": \"USD\", "
                + "\"unit\": \"1M tokens\"}");
        members.put("facts", "{\"parametersBillions\": [3], \"modalities\": [\"TEXT\", \"IMAGE\"], "
                + "\"contextWindow\": 16384, \"openWeights\": true, \"releaseDate\": \"2026-02-17\", "
                + "\"modelVersion\": \"3B-Instruct\"}");
        members.put("links", "{\"homepage\": \"https://huggingface.co/blog/smolvlm\", "
                + "\"modelCard\": \"https://huggingface.co/HuggingFaceTB/SmolVLM\"}");
        members.putAll(overrides);
        StringBuilder body = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (value != null) {
                body.append(body.length() > 1 ? ", " : "").append(quote(name)).append(": ").append(value);
            }
        });
        return body.append("}").toString();
    }

    public static String toolBody(String slug) {
        return toolBody(slug, Map.of());
    }

    public static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private HttpRequest putRequest(String path, String ifMatch, String body) {
        return request(path, EDITOR, ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path, String token, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
