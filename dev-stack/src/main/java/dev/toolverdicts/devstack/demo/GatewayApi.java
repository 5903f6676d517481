package dev.toolverdicts.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to the platform's public APIs through the gateway, the one door, with the caller's bearer token. */
public final class GatewayApi {

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public GatewayApi(URI gateway) {
        this.gateway = gateway;
    }

    public HttpResponse<String> send(String method, String path, String jsonBody, String token)
            throws IOException, InterruptedException {
        return send(method, path, jsonBody, token, null);
    }

    /** The same with {@code If-Match} (e.g. {@code "1"}) for a write that must start from a known version. */
    public HttpResponse<String> send(String method, String path, String jsonBody, String token, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json, application/problem+json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String describe(String call, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        return call + " answered " + response.statusCode() + (body.isEmpty() ? "" : ": " + body);
    }
}
