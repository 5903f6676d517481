package dev.toolverdicts.benchmarks.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the exact bytes of an HTTP/1.1 request once, so the load loop only writes them. */
public final class RawRequest {

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private RawRequest(String method, String path) {
        this.method = method;
        this.path = path;
        headers.put("Host", "localhost");
    }

    public static RawRequest get(String path) {
        return new RawRequest("GET", path).header("Accept", "application/json");
    }

    public static RawRequest put(String path, String json) {
        RawRequest request = new RawRequest("PUT", path).header("Accept", "application/json")
                .header("Content-Type", "application/json");
        request.body = json.getBytes(StandardCharsets.UTF_8);
        return request;
    }

    public RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public byte[] bytes() {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
