package dev.toolverdicts.gateway.bodylimit;

import java.io.IOException;

/**
 * Thrown by the body limit's counting stream once a request body passes the limit; public so that whoever sees it
 * wrapped (the proxy's HTTP client, the upstream guard) knows the caller is at fault, not the upstream.
 */
public final class BodyTooLargeException extends IOException {

    BodyTooLargeException() {
        super("request body too large");
    }
}
