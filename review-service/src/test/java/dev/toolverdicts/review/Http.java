package dev.toolverdicts.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's API as a client sees it: real HTTP against the test server, bearer tokens from the test issuer. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token, null).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return send(request(path, token, null).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> put(String path, String token, String ifMatch, String body)
            throws IOException, InterruptedException {
        return send(putRequest(path, token, ifMatch, body));
    }

    public CompletableFuture<HttpResponse<String>> putAsync(String path, String token, String ifMatch, String body) {
        return CLIENT.sendAsync(putRequest(path, token, ifMatch, body), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path, String token, String ifMatch)
            throws IOException, InterruptedException {
        return send(request(path, token, ifMatch).DELETE().build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The first field a problem+json answer names in its {@code errors}. */
    public static String problemField(HttpResponse<String> response) {
        return json(response).get("errors").get(0).get("field").asString();
    }

    private HttpRequest putRequest(String path, String token, String ifMatch, String body) {
        return request(path, token, ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path, String token, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
