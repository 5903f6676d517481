package dev.toolverdicts.benchmarks.identity;

import dev.toolverdicts.benchmarks.stack.JsonHttp;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the newest confirmation link sent to an address from the dev stack's mail sink (GreenMail's JSON API). */
final class VerificationMail {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/verify\\?token=[A-Za-z0-9._~-]+)");

    private final JsonHttp http;

    VerificationMail(JsonHttp http) {
        this.http = http;
    }

    String awaitLink(String email, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String inbox = StackPorts.url(StackPorts.MAIL_API,
                "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX");
        while (System.nanoTime() < deadline) {
            var response = http.send("GET", inbox, null, null);
            if (response.statusCode() == 200) {
                Optional<String> link = newestLink(JsonHttp.JSON.readTree(response.body()));
                if (link.isPresent()) {
                    return link.get();
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no confirmation mail for " + email + " within " + timeout);
    }

    static Optional<String> newestLink(JsonNode messages) {
        Optional<String> newest = Optional.empty();
        for (JsonNode message : messages) {
            Matcher matcher = LINK.matcher(message.path("mimeMessage").asString(""));
            if (matcher.find()) {
                newest = Optional.of(matcher.group(1));
            }
        }
        return newest;
    }
}
