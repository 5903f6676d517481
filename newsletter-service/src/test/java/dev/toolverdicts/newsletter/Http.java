package dev.toolverdicts.newsletter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's API as a client sees it: real HTTP against the test server. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).header("Accept", "application/json").GET().build());
    }

    public HttpResponse<String> getHtml(String path) throws IOException, InterruptedException {
        return send(request(path, null).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> postJson(String path, String token, String body)
            throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** What a mail client sends for RFC 8058 one-click unsubscribe: a form POST, no cookies, no credentials. */
    public HttpResponse<String> postOneClick(String path) throws IOException, InterruptedException {
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
    }

    /** The path and query of an absolute link from a mail, to call it on the test server. */
    public static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The first field a problem+json answer names in its {@code errors}. */
    public static String problemField(HttpResponse<String> response) {
        return json(response).get("errors").get(0).get("field").asString();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
