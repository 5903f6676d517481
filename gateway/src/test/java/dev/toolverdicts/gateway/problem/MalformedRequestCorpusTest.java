package dev.toolverdicts.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.RawHttp;
import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A corpus of malformed requests (encoded NULs and slashes, bad percent-encoding, oversized and duplicated headers,
 * odd methods, every kind of content type) sent over a real socket against every route prefix of the gateway: no
 * answer is a 5xx, every refusal on an API path is problem+json, a browser's page request gets the site's page, and
 * no answer names the server or shows a stack trace.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestCorpusTest {

    private static final Upstreams UPSTREAMS = new Upstreams();

    private static final List<String> PREFIXES = List.of("/api/catalog/tools", "/api/comparisons/tools",
            "/api/reviews/verdicts", "/api/votes/tools", "/api/newsletter/subscriptions", "/api/identity/registrations",
            "/api/elsewhere", "/api", "/tools", "/login", "/oauth2/authorization", "/actuator/health", "/error");

    private static final List<String> BAD_PATHS = List.of("/a%00b", "/a%2Fb", "/a%2fb", "/a%zz", "/a%", "/a%5Cb",
            "/..%2F..%2Fetc", "/%2e%2e/%2e%2e/", "/a;jsessionid=x", "/a//b", "/a\\b", "/t\u00f6\u00f6l", "/a%u0041",
            "/a%0d%0aSet-Cookie:x=y", "/a?q=%zz", "/a?%00=1", "/a#frag");

    private static final List<String> METHODS = List.of("FOO", "TRACE", "CONNECT", "PROPFIND", "get", "G@T", "PATCH",
            "DELETE", "OPTIONS", "HEAD");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/problem+json",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "text/plain", "text/html", "application/xml", "application/octet-stream", "text/event-stream",
            "garbage", "/", "application/json; charset=nope", "application/json;;;", "*/*", "");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    @Test
    void noMalformedRequestGetsA5xxAndEveryApiRefusalIsProblemJson() {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int sent = 0;
        for (String prefix : PREFIXES) {
            for (Case c : corpus(prefix)) {
                RawHttp.Answer answer = RawHttp.send(port, c.head(), c.body());
                sent++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                String fault = fault(prefix, c, answer);
                if (fault != null) {
                    failures.add(fault + " <- " + c.head().lines().findFirst().orElse("") + " ["
                            + c.name() + "] answered " + answer.status() + " " + answer.header("content-type")
                            + " " + abbreviate(answer.body()));
                }
            }
        }
        System.out.println("malformed-request corpus: " + sent + " requests, answers by status " + byStatus);
        assertThat(failures).as("of " + sent + " requests").isEmpty();
    }

    @Test
    void aPageRequestWithABadAddressGetsTheSitesErrorPage() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /tools/a%00b HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html,application/xhtml+xml\r\nConnection: close", new byte[0]);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).contains("Tool Verdicts", "Error 400").doesNotContain("Tomcat", "Apache");
    }

    @Test
    void theIssuesExampleIsAProblemNotTomcatsPage() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/catalog/tools/a%00b HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nConnection: close", new byte[0]);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).as(answer.headers().toString())
                .contains("\"status\":400", "\"title\":\"Bad Request\"");
    }

    private static String fault(String prefix, Case c, RawHttp.Answer answer) {
        if (answer.status() < 0) {
            return "no HTTP answer";
        }
        if (answer.status() >= 500) {
            return "5xx";
        }
        if (answer.header("server") != null) {
            return "Server header";
        }
        String body = answer.body();
        if (answer.status() >= 400 && body.isEmpty() && !c.method().equals("HEAD")) {
            return "empty refusal";
        }
        if (body.contains("Tomcat") || body.contains("Apache") || body.contains("Whitelabel")
                || body.contains("\tat ") || body.contains("Exception")) {
            return "names the server or shows an exception";
        }
        boolean api = prefix.startsWith("/api");
        String type = answer.header("content-type");
        boolean fromUpstream = body.contains("<html><body>");
        if (answer.status() >= 400 && api && !c.method().equals("HEAD")
                && (type == null || !type.startsWith("application/problem+json"))) {
            return "API refusal not problem+json";
        }
        if (answer.status() >= 400 && !api && !fromUpstream && !c.method().equals("HEAD")
                && (type == null || !(type.startsWith("application/problem+json") || type.startsWith("text/html")))) {
            return "refusal neither problem+json nor page";
        }
        return null;
    }

    private static List<Case> corpus(String prefix) {
        List<Case> cases = new ArrayList<>();
        for (String path : BAD_PATHS) {
            cases.add(Case.of("bad path", "GET", prefix + path, List.of()));
            cases.add(Case.of("bad path, page", "GET", prefix + path, List.of("Accept: text/html")));
        }
        for (String method : METHODS) {
            cases.add(Case.of("method", method, prefix + "/x", List.of()));
        }
        for (String type : CONTENT_TYPES) {
            for (String method : List.of("POST", "PUT")) {
                cases.add(new Case("content type " + type, method, request(method, prefix + "/x",
                        List.of("Content-Type: " + type, "Content-Length: 7")), "a=%zz&b".getBytes(StandardCharsets.UTF_8)));
            }
        }
        cases.add(Case.of("oversized header", "GET", prefix + "/x", List.of("X-Big: " + "x".repeat(20_000))));
        cases.add(Case.of("many headers", "GET", prefix + "/x",
                java.util.stream.IntStream.range(0, 200).mapToObj(i -> "X-H" + i + ": " + "y".repeat(100)).toList()));
        cases.add(Case.of("oversized cookie", "GET", prefix + "/x", List.of("Cookie: a=" + "c".repeat(20_000))));
        cases.add(Case.of("two hosts", "GET", prefix + "/x", List.of("Host: other.example")));
        cases.add(Case.of("two authorizations", "GET", prefix + "/x",
                List.of("Authorization: Bearer a", "Authorization: Bearer b")));
        cases.add(Case.of("bad bearer", "GET", prefix + "/x", List.of("Authorization: Bearer %%%")));
        cases.add(Case.of("basic auth", "GET", prefix + "/x", List.of("Authorization: Basic !!!")));
        cases.add(new Case("two content lengths", "POST", request("POST", prefix + "/x",
                List.of("Content-Type: application/json", "Content-Length: 2", "Content-Length: 3")),
                "{}".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("bad content length", "POST", request("POST", prefix + "/x",
                List.of("Content-Type: application/json", "Content-Length: abc")), new byte[0]));
        cases.add(new Case("chunked and length", "POST", request("POST", prefix + "/x",
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked", "Content-Length: 2")),
                "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("bad chunk", "POST", request("POST", prefix + "/x",
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked")),
                "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("unknown transfer coding", "POST", request("POST", prefix + "/x",
                List.of("Content-Type: application/json", "Transfer-Encoding: gzip, chunked")), new byte[0]));
        cases.add(Case.of("control character in header", "GET", prefix + "/x", List.of("X-Bad: a\u0001b")));
        cases.add(Case.of("header without colon", "GET", prefix + "/x", List.of("NoColonHere")));
        cases.add(Case.of("bad accept", "GET", prefix + "/x", List.of("Accept: ;;;/")));
        cases.add(Case.of("bad forwarded for", "GET", prefix + "/x", List.of("X-Forwarded-For: not an address")));
        cases.add(Case.of("bad accept-language", "GET", prefix + "/x", List.of("Accept-Language: ;;q=x")));
        cases.add(Case.of("bad range", "GET", prefix + "/x", List.of("Range: bytes=z-")));
        cases.add(Case.of("bad if-none-match", "GET", prefix + "/x", List.of("If-None-Match: \"")));
        cases.add(Case.of("bad date header", "GET", prefix + "/x", List.of("If-Modified-Since: yesterday")));
        cases.add(new Case("HTTP/1.0 without host", "GET", "GET " + prefix + "/x HTTP/1.0", new byte[0]));
        cases.add(new Case("bad version", "GET", "GET " + prefix + "/x HTTP/9.9\r\nHost: localhost\r\n"
                + "Connection: close", new byte[0]));
        cases.add(new Case("space in path", "GET", "GET " + prefix + "/a b HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close", new byte[0]));
        cases.add(new Case("absolute form", "GET", "GET http://elsewhere.example" + prefix + "/x HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close", new byte[0]));
        cases.add(new Case("overlong path", "GET", request("GET", prefix + "/" + "p".repeat(20_000), List.of()),
                new byte[0]));
        return cases;
    }

    private static String request(String method, String target, List<String> headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost");
        headers.forEach(header -> head.append("\r\n").append(header));
        return head.append("\r\nConnection: close").toString();
    }

    private static String abbreviate(String body) {
        String line = body.replace("\r", " ").replace("\n", " ");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private record Case(String name, String method, String head, byte[] body) {
        static Case of(String name, String method, String target, List<String> headers) {
            return new Case(name, method, request(method, target, headers), new byte[0]);
        }
    }
}
