package dev.toolverdicts.devstack.demo;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo panel (review-service's {@code demo/panel.json}) through the gateway: the editor creates the
 * reviewer profiles, then each reviewer signs in and submits their own verdicts. The file names reviewers
 * {@code demo-reviewer-<lens>}; here that is the demo user {@code <lens>@toolverdicts.dev}. A verdict with a
 * {@code first} body is submitted as that first and then revised to its {@code body}, so the demo has a public
 * history to show (the buyer's SHIP → SKIP on SmolVLM-3B); only a fresh submission is revised, so loading again
 * changes nothing.
 */
public final class DemoPanel {

    public static final String REVIEWERS = "reviewers";
    public static final String VERDICTS = "verdicts";
    public static final String REVISIONS = "revisions";
    private static final String PLACEHOLDER_PREFIX = "demo-reviewer-";
    private static final Duration TOOL_KNOWN_DEADLINE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayApi api;
    private final JsonNode panel;

    public DemoPanel(GatewayApi api, Path panelJson) {
        this.api = api;
        this.panel = JSON.readTree(panelJson.toFile());
    }

    public void load(DemoAccounts accounts, DemoLoadReport report) throws InterruptedException {
        String editor = accounts.token(DemoAccounts.EDITOR);
        for (JsonNode reviewer : panel.get(REVIEWERS)) {
            ObjectNode body = (ObjectNode) reviewer.deepCopy();
            body.put("userId", accounts.userId(emailOf(reviewer.get("userId").asString())));
            send(REVIEWERS, "POST", "/api/reviews/reviewers", body, editor, report);
        }
        for (JsonNode verdict : panel.get(VERDICTS)) {
            String token = accounts.token(emailOf(verdict.get("userId").asString()));
            String path = "/api/reviews/tools/" + URLEncoder.encode(verdict.get("toolSlug").asString(),
                    StandardCharsets.UTF_8) + "/verdicts/mine";
            JsonNode first = verdict.get("first");
            HttpResponse<String> submitted = send(VERDICTS, "PUT", path, first != null ? first : verdict.get("body"),
                    token, report);
            if (first != null && submitted != null && submitted.statusCode() == 201) {
                String id = JSON.readTree(submitted.body()).get("id").asString();
                String revise = "/api/reviews/verdicts/" + id;
                try {
                    HttpResponse<String> revised = api.send("PUT", revise, JSON.writeValueAsString(verdict.get("body")),
                            token, "\"1\"");
                    if (revised.statusCode() == 200) {
                        report.created(REVISIONS);
                    } else {
                        report.failed(GatewayApi.describe("PUT " + revise, revised));
                    }
                } catch (IOException e) {
                    report.failed(REVISIONS + ": gateway unreachable (" + e + ")");
                }
            }
        }
    }

    static String emailOf(String placeholder) {
        if (!placeholder.startsWith(PLACEHOLDER_PREFIX)) {
            throw new IllegalArgumentException("unexpected demo reviewer " + placeholder);
        }
        return placeholder.substring(PLACEHOLDER_PREFIX.length()) + "@toolverdicts.dev";
    }

    /**
     * 201 is new; 409 (reviewer linked) and 428 (a verdict exists, revising needs If-Match) mean already there.
     * 422 means review-service has not yet seen the tool's publish event: wait for it, within a deadline.
     */
    private HttpResponse<String> send(String kind, String method, String path, JsonNode body, String token,
            DemoLoadReport report) throws InterruptedException {
        long deadline = System.nanoTime() + TOOL_KNOWN_DEADLINE.toNanos();
        try {
            while (true) {
                HttpResponse<String> response = api.send(method, path, JSON.writeValueAsString(body), token);
                switch (response.statusCode()) {
                    case 200, 201 -> report.created(kind);
                    case 409, 428 -> report.existing(kind);
                    case 422 -> {
                        if (System.nanoTime() < deadline) {
                            Thread.sleep(250);
                            continue;
                        }
                        report.failed(GatewayApi.describe(method + " " + path, response));
                    }
                    default -> report.failed(GatewayApi.describe(method + " " + path, response));
                }
                return response;
            }
        } catch (IOException e) {
            report.failed(kind + ": gateway unreachable (" + e + ")");
            return null;
        }
    }
}
