package dev.toolverdicts.testsupport;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationContext;

/**
 * A corpus of malformed requests (encoded NULs and slashes, bad percent-encoding, oversized and duplicated headers,
 * odd methods, every kind of content type, broken framing) sent over a real socket against every route of a running
 * app, and the rules every answer must keep: no 5xx (a health check's 503 is its answer), every refusal
 * {@code application/problem+json} (on a page route, a request that does not ask for JSON only may get an HTML page:
 * the site's error page, or the page's own state such as "this link has expired"), never an empty refusal, no server
 * name, no exception, no stack trace.
 * A corpus test per app: {@code MalformedRequestCorpus.run(port, MalformedRequestCorpus.routes(context), pages)}
 * then {@code assertThat(report.wrong()).isEmpty()}.
 */
public final class MalformedRequestCorpus {

    static final List<String> BAD_PATHS = List.of("/a%00b", "/a%2Fb", "/a%2fb", "/a%zz", "/a%", "/a%5Cb",
            "/..%2F..%2Fetc", "/%2e%2e/%2e%2e/", "/a;jsessionid=x", "/a//b", "/a\\b", "/t\u00f6\u00f6l", "/a%u0041",
            "/a%0d%0aSet-Cookie:x=y", "/a?q=%zz", "/a?%00=1", "/a#frag");

    static final List<String> METHODS = List.of("FOO", "TRACE", "CONNECT", "PROPFIND", "get", "G@T", "PATCH",
            "DELETE", "OPTIONS", "HEAD");

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/problem+json",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "text/plain", "text/html", "application/xml", "application/octet-stream", "text/event-stream",
            "garbage", "/", "application/json; charset=nope", "application/json;;;", "*/*", "");

    /** Paths every app is asked about besides its routes: the root, an unknown path, the error page, actuator. */
    static final List<String> ALWAYS = List.of("/", "/nowhere", "/error", "/actuator/health", "/actuator/nowhere");

    /** What no answer may show: the container's name, Spring's whitelabel page, an exception or a stack frame. */
    static final Pattern LEAKS = Pattern.compile("Tomcat|Apache Software Foundation|Whitelabel|\tat |"
            + "\\b(java|jakarta|org|com|tools)\\.[\\w.$]+(Exception|Error)\\b|Exception:");

    private MalformedRequestCorpus() {
    }

    /** One request of the corpus: the raw request line and headers (no blank line), and the body bytes. */
    public record Case(String name, String method, String path, String head, byte[] body) {

        static Case of(String name, String method, String path, List<String> headers) {
            return new Case(name, method, path, request(method, path, headers), new byte[0]);
        }

        /** Whether the request asks for JSON only, as an API client does: it must never get a page. */
        boolean asksForJsonOnly() {
            return head.contains("\r\nAccept: application/json\r\n");
        }
    }

    /** What the corpus found: how many requests, the answers by status, and each wrong answer described. */
    public record Report(int sent, Map<Integer, Integer> byStatus, List<String> wrong) {

        public String summary() {
            return sent + " requests, " + wrong.size() + " wrong, answers by status " + byStatus;
        }
    }

    /**
     * A concrete path for every route the app's request mappings declare (the app's own and the framework's, the
     * error page left out: it is one of {@link #ALWAYS}), plus {@link #ALWAYS}.
     */
    public static Set<String> routes(ApplicationContext context) {
        Set<String> paths = new TreeSet<>(ALWAYS);
        for (Endpoint endpoint : Endpoint.inApp(context)) {
            if (!endpoint.pattern().startsWith("/error")) {
                paths.add(endpoint.samplePath());
            }
        }
        return paths;
    }

    /**
     * Sends the whole corpus against each path. {@code pageRoute} tells which paths are the app's HTML pages, where
     * a request not asking for JSON only may be answered with an HTML page; pass {@code path -> false} for an API.
     */
    public static Report run(int port, Collection<String> paths, Predicate<String> pageRoute) {
        return run(port, paths, pageRoute, answer -> false);
    }

    /**
     * As {@link #run(int, Collection, Predicate)}; {@code foreign} tells an answer that a stand-in upstream wrote
     * itself (a gateway's test stubs), to which only the rules on status, server name and exceptions apply.
     */
    public static Report run(int port, Collection<String> paths, Predicate<String> pageRoute,
            Predicate<RawHttp.Answer> foreign) {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int sent = 0;
        for (String path : paths) {
            for (Case c : against(path)) {
                RawHttp.Answer answer = send(port, c);
                sent++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                String fault = fault(c, answer, pageRoute.test(path), foreign.test(answer));
                if (fault != null) {
                    wrong.add(fault + " <- " + c.head().lines().findFirst().orElse("") + " [" + c.name()
                            + "] answered " + answer.status() + " " + answer.header("content-type") + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        return new Report(sent, byStatus, wrong);
    }

    private static RawHttp.Answer send(int port, Case c) {
        try {
            return RawHttp.send(port, c.head(), c.body());
        } catch (UncheckedIOException e) {
            return new RawHttp.Answer(-1, Map.of(), String.valueOf(e.getCause()));
        }
    }

    /** Why an answer breaks the rules, or null when it keeps them. */
    static String fault(Case c, RawHttp.Answer answer, boolean pageRoute, boolean foreign) {
        if (answer.status() < 0) {
            return "no HTTP answer";
        }
        String type = answer.header("content-type");
        boolean problem = type != null && type.startsWith("application/problem+json");
        boolean health = c.path().startsWith("/actuator/health");
        if (answer.status() >= 500 && !(health && answer.status() == 503)) {
            return "5xx";
        }
        if (answer.header("server") != null) {
            return "Server header";
        }
        String body = answer.body();
        boolean head = c.method().equals("HEAD");
        if (answer.status() >= 400 && body.isEmpty() && !head) {
            return "empty refusal";
        }
        if (LEAKS.matcher(body).find()) {
            return "names the server or shows an exception";
        }
        if (answer.status() >= 400 && !head && !problem && !foreign && !(health && answer.status() == 503)) {
            boolean page = type != null && type.startsWith("text/html");
            if (!(page && pageRoute && !c.asksForJsonOnly())) {
                return "refusal not problem+json";
            }
        }
        return null;
    }

    /** The corpus for one path: its bad variants, then odd methods, content types, headers and framing on it. */
    public static List<Case> against(String path) {
        String base = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String under = base.equals("/") ? "" : base;
        List<Case> cases = new ArrayList<>();
        for (String bad : BAD_PATHS) {
            cases.add(Case.of("bad path", "GET", under + bad, List.of()));
            cases.add(Case.of("bad path, page", "GET", under + bad, List.of("Accept: text/html")));
        }
        for (String method : METHODS) {
            cases.add(Case.of("method", method, base, List.of()));
        }
        cases.add(Case.of("json only, bad path", "GET", under + "/a%zz", List.of("Accept: application/json")));
        cases.add(Case.of("json only, not here", "GET", under + "/nowhere/x", List.of("Accept: application/json")));
        for (String type : CONTENT_TYPES) {
            for (String method : List.of("POST", "PUT")) {
                cases.add(new Case("content type " + type, method, base, request(method, base,
                        List.of("Content-Type: " + type, "Content-Length: 7")),
                        "a=%zz&b".getBytes(StandardCharsets.UTF_8)));
            }
        }
        cases.add(Case.of("oversized header", "GET", base, List.of("X-Big: " + "x".repeat(20_000))));
        cases.add(Case.of("many headers", "GET", base,
                IntStream.range(0, 200).mapToObj(i -> "X-H" + i + ": " + "y".repeat(100)).toList()));
        cases.add(Case.of("oversized cookie", "GET", base, List.of("Cookie: a=" + "c".repeat(20_000))));
        cases.add(Case.of("two hosts", "GET", base, List.of("Host: other.example")));
        cases.add(Case.of("two authorizations", "GET", base,
                List.of("Authorization: Bearer a", "Authorization: Bearer b")));
        cases.add(Case.of("bad bearer", "GET", base, List.of("Authorization: Bearer %%%")));
        cases.add(Case.of("basic auth", "GET", base, List.of("Authorization: Basic !!!")));
        cases.add(Case.of("two content types", "GET", base,
                List.of("Content-Type: application/json", "Content-Type: text/plain")));
        cases.add(new Case("two content lengths", "POST", base, request("POST", base,
                List.of("Content-Type: application/json", "Content-Length: 2", "Content-Length: 3")),
                "{}".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("bad content length", "POST", base, request("POST", base,
                List.of("Content-Type: application/json", "Content-Length: abc")), new byte[0]));
        cases.add(new Case("chunked and length", "POST", base, request("POST", base,
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked", "Content-Length: 2")),
                "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("bad chunk", "POST", base, request("POST", base,
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked")),
                "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("unknown transfer coding", "POST", base, request("POST", base,
                List.of("Content-Type: application/json", "Transfer-Encoding: gzip, chunked")), new byte[0]));
        cases.add(Case.of("control character in header", "GET", base, List.of("X-Bad: a\u0001b")));
        cases.add(Case.of("header without colon", "GET", base, List.of("NoColonHere")));
        cases.add(Case.of("bad accept", "GET", base, List.of("Accept: ;;;/")));
        cases.add(Case.of("bad forwarded for", "GET", base, List.of("X-Forwarded-For: not an address")));
        cases.add(Case.of("bad accept-language", "GET", base, List.of("Accept-Language: ;;q=x")));
        cases.add(Case.of("bad range", "GET", base, List.of("Range: bytes=z-")));
        cases.add(Case.of("bad if-none-match", "GET", base, List.of("If-None-Match: \"")));
        cases.add(Case.of("bad if-match", "PUT", base, List.of("If-Match: \"", "Content-Type: application/json",
                "Content-Length: 0")));
        cases.add(Case.of("bad date header", "GET", base, List.of("If-Modified-Since: yesterday")));
        cases.add(new Case("HTTP/1.0 without host", "GET", base, "GET " + base + " HTTP/1.0", new byte[0]));
        cases.add(new Case("bad version", "GET", base, "GET " + base + " HTTP/9.9\r\nHost: localhost\r\n"
                + "Connection: close", new byte[0]));
        cases.add(new Case("space in path", "GET", base, "GET " + under + "/a b HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close", new byte[0]));
        cases.add(new Case("absolute form", "GET", base, "GET http://elsewhere.example" + base + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close", new byte[0]));
        cases.add(new Case("overlong path", "GET", base, request("GET", under + "/" + "p".repeat(20_000), List.of()),
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
}
