package dev.toolverdicts.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;

/**
 * A service's authorization matrix: for every endpoint (method and path pattern) the outcome each {@link Caller}
 * must meet. Read from a CSV table in the service's tests; {@link #assertCoversExactly} fails when the app maps an
 * endpoint the table lacks (a new endpoint without a rule breaks the build) or the table names one the app no longer
 * has, and {@link #assertHolds} sends every endpoint × caller to the running app and lists every cell that differs.
 * Requests carry an empty JSON object as body: what is checked is the security decision, not the handler.
 *
 * <p>Table: a header {@code method,path,anonymous,member,reviewer,editor,admin,newsletter,id_token,other_audience},
 * then one row per endpoint with {@code allow}, {@code 401}, {@code 403} or {@code login} ({@link Outcome}) per
 * caller; blank lines and lines starting with {@code #} are comments.
 */
public final class AuthorizationMatrix {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<Endpoint, Map<Caller, Outcome>> rows;

    private AuthorizationMatrix(Map<Endpoint, Map<Caller, Outcome>> rows) {
        this.rows = rows;
    }

    /** Reads the table at this class-path location (e.g. {@code /authorization-matrix.csv}). */
    public static AuthorizationMatrix fromClasspath(String resource) {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorizationMatrix parse(String csv) {
        List<String> lines = csv.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<String> header = Arrays.stream(lines.getFirst().split(",")).map(String::strip).toList();
        List<Caller> callers = header.subList(2, header.size()).stream()
                .map(column -> Caller.valueOf(column.toUpperCase(java.util.Locale.ROOT))).toList();
        if (!Set.copyOf(callers).equals(Set.of(Caller.values()))) {
            throw new IllegalArgumentException("the header must name every caller once: " + header);
        }
        Map<Endpoint, Map<Caller, Outcome>> rows = new TreeMap<>(Endpoint.ORDER);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("row needs " + header.size() + " cells: " + line);
            }
            Map<Caller, Outcome> outcomes = new EnumMap<>(Caller.class);
            for (int i = 0; i < callers.size(); i++) {
                outcomes.put(callers.get(i), Outcome.ofCell(cells[i + 2]));
            }
            Endpoint endpoint = new Endpoint(cells[0].strip(), cells[1].strip());
            if (rows.put(endpoint, outcomes) != null) {
                throw new IllegalArgumentException("endpoint listed twice: " + endpoint);
            }
        }
        return new AuthorizationMatrix(rows);
    }

    /** Fails unless the table lists exactly the app's endpoints, except the {@code ignored} patterns. */
    public void assertCoversExactly(ApplicationContext app, Set<String> ignoredPatterns) {
        Set<Endpoint> mapped = new TreeSet<>(Endpoint.ORDER);
        Endpoint.inApp(app).stream().filter(e -> !ignoredPatterns.contains(e.pattern())).forEach(mapped::add);
        Set<Endpoint> missing = new TreeSet<>(Endpoint.ORDER);
        missing.addAll(mapped);
        missing.removeAll(rows.keySet());
        Set<Endpoint> stale = new TreeSet<>(Endpoint.ORDER);
        stale.addAll(rows.keySet());
        stale.removeAll(mapped);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            throw new AssertionError("the authorization matrix must list every endpoint of the app and no other:"
                    + (missing.isEmpty() ? "" : "\n  endpoints without a row (add a rule and a row): " + missing)
                    + (stale.isEmpty() ? "" : "\n  rows for endpoints the app does not map: " + stale));
        }
    }

    /** Sends every endpoint as every caller to the app at {@code base}; fails listing each cell that differs. */
    public void assertHolds(URI base) {
        List<String> wrong = new ArrayList<>();
        rows.forEach((endpoint, outcomes) -> outcomes.forEach((caller, expected) -> {
            HttpResponse<InputStream> answer = send(base, endpoint, caller);
            Outcome outcome = Outcome.ofAnswer(answer.statusCode(), answer.headers().firstValue("Location").orElse(null));
            if (outcome != expected) {
                wrong.add(endpoint + " as " + caller.column() + ": expected " + expected.cell() + ", got "
                        + answer.statusCode() + (outcome == Outcome.SIGN_IN_FIRST ? " to the sign-in page" : ""));
            }
        }));
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " cell(s) of the authorization matrix do not hold:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    private static HttpResponse<InputStream> send(URI base, Endpoint endpoint, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint.samplePath()))
                .timeout(Duration.ofSeconds(30));
        if (Set.of("POST", "PUT", "PATCH").contains(endpoint.method())) {
            request.header("Content-Type", "application/json")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        String authorization = caller.authorization();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            // the status is all that counts: streams (server-sent events) are closed as soon as it is known
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(endpoint + " as " + caller.column(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
