package dev.toolverdicts.newsletter.subscription;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A sign-up over the limits of its client address or its mailbox: 429 problem+json with {@code Retry-After}. */
class SubscribeThrottled extends ErrorResponseException {

    SubscribeThrottled(Duration wait) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many sign-ups from this network or for this address; try again later."), null);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        getBody().setProperty("retryAfterSeconds", seconds);
    }
}
