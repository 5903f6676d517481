package dev.toolverdicts.benchmarks.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether the dev stack answers on its fixed ports: every service ready, the demo tool view served. */
public final class StackCheck {

    public static final String HOW_TO_START = """
            Start the dev stack first, in another terminal:
                ./dev-stack.sh                       (builds, then starts everything with the demo data)
                DEV_STACK_SKIP_BUILD=1 ./dev-stack.sh   (jars are fresh)
            or let the suite start it from empty data and time the cold start:  ./benchmarks/run.sh --cold-start""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    /** The services that are not ready, with why; empty when the whole stack is up. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Integer> service : StackPorts.SERVICES.entrySet()) {
            String url = StackPorts.url(service.getValue(), "/actuator/health/readiness");
            int status = status(url);
            if (status != 200) {
                problems.add(service.getKey() + " (" + url + ": " + (status < 0 ? "no answer" : status) + ")");
            }
        }
        if (problems.isEmpty()) {
            int view = status(StackPorts.url(StackPorts.COMPARISON, "/api/comparisons/tools/smolvlm-3b"));
            if (view != 200) {
                problems.add("demo data: the smolvlm-3b view answers " + view + " (is the demo catalog loaded?)");
            }
        }
        return problems;
    }

    public boolean isUp() {
        return problems().isEmpty();
    }

    /** True when nothing listens on the gateway or a service port (so a fresh stack can start). */
    public boolean isDown() {
        return StackPorts.SERVICES.values().stream()
                .allMatch(port -> status(StackPorts.url(port, "/actuator/health/liveness")) < 0);
    }

    private int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
