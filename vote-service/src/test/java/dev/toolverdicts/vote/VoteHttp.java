package dev.toolverdicts.vote;

import dev.toolverdicts.testsupport.TestJwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vote API over real HTTP with real test JWTs, as the gateway would call it. */
public final class VoteHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    public VoteHttp(int port) {
        this.port = port;
    }

    public HttpResponse<String> vote(String method, String slug, String body, String bearer, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/votes/tools/" + slug + "/mine"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public HttpResponse<String> put(String slug, String vote, String member) {
        return vote("PUT", slug, body(vote), TestJwts.bearer(member, "MEMBER"), null);
    }

    public HttpResponse<String> retract(String slug, String member) {
        return vote("DELETE", slug, null, TestJwts.bearer(member, "MEMBER"), null);
    }

    public HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String body, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The public tally of a tool as JSON. */
    public JsonNode tally(String slug) {
        HttpResponse<String> response = get("/api/votes/tools/" + slug + "/tally", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("tally of " + slug + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static String body(String vote) {
        return "{\"vote\": \"" + vote + "\"}";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
