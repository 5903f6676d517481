package dev.toolverdicts.benchmarks.http;

/** A response as the load generator needs it: status, body bytes, ETag, and whether the server closes the connection. */
public record HttpResponse(int status, byte[] body, String etag, boolean closes) {
}
