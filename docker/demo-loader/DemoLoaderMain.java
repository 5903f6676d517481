import dev.toolverdicts.devstack.demo.DemoAccounts;
import dev.toolverdicts.devstack.demo.DemoCatalog;
import dev.toolverdicts.devstack.demo.DemoLoadReport;
import dev.toolverdicts.devstack.demo.DemoPanel;
import dev.toolverdicts.devstack.demo.GatewayApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The dev stack's demo loader as a one-shot program for docker-compose: the same classes (sign the demo people in
 * through the real login form, write through the gateway), pointed at container addresses. Safe to run again.
 * Exits 0 once the demo tool page answers through the gateway, 1 when the data could not be loaded in time.
 */
public final class DemoLoaderMain {

    private static final String PROBE = "/api/comparisons/tools/smolvlm-3b";

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(env("GATEWAY_URI", "http://gateway:8080"));
        URI identity = URI.create(env("IDENTITY_URI", "http://identity-service:9000"));
        String password = env("DEMO_PASSWORD", DemoAccounts.DEFAULT_PASSWORD);
        Path demo = Path.of(env("DEMO_DIR", "/app/demo"));
        int attempts = Integer.parseInt(env("DEMO_ATTEMPTS", "5"));
        Duration visibleWithin = Duration.ofSeconds(Long.parseLong(env("DEMO_VISIBLE_WITHIN_SECONDS", "120")));

        GatewayApi api = new GatewayApi(gateway);
        DemoLoadReport report = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            report = load(api, identity, password, demo);
            System.out.println("demo-loader: attempt " + attempt + ": " + report.summary());
            if (report.succeeded()) {
                break;
            }
            report.failures().stream().limit(5).forEach(f -> System.out.println("demo-loader:   " + f));
            Thread.sleep(Duration.ofSeconds(5L * attempt));
        }
        if (report == null || !report.succeeded()) {
            System.exit(1);
        }
        if (!visible(api, visibleWithin)) {
            System.out.println("demo-loader: " + PROBE + " did not answer 200 within " + visibleWithin);
            System.exit(1);
        }
        System.out.println("demo-loader: done; open http://localhost:8080" + PROBE);
    }

    private static DemoLoadReport load(GatewayApi api, URI identity, String password, Path demo)
            throws InterruptedException {
        DemoLoadReport report = new DemoLoadReport();
        try {
            DemoAccounts accounts = new DemoAccounts(identity, password);
            new DemoCatalog(api, demo.resolve("catalog.json")).load(accounts.token(DemoAccounts.EDITOR), report);
            new DemoPanel(api, demo.resolve("panel.json")).load(accounts, report);
        } catch (RuntimeException e) {
            report.failed("demo data: " + e);
        }
        return report;
    }

    /** The comparison view is projected from the topics, so it shows up shortly after the writes. */
    private static boolean visible(GatewayApi api, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = api.send("GET", PROBE, null, null);
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // gateway restarting: try again
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
