package dev.toolverdicts.web.api;

import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/** The signed-in user's access token, relayed by the gateway, passed on unchanged to the service a write goes to. */
public record Bearer(String token) {

    public Consumer<HttpHeaders> headers() {
        return headers -> headers.setBearerAuth(token);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
