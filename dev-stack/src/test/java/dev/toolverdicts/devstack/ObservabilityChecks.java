package dev.toolverdicts.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 10's cross-process checks, run by {@link DevStackIT} on its stack (starting the stack once more would cost
 * a minute): a W3C trace sent to the gateway continues through catalog-service, its outbox and Kafka into the
 * comparison projection, visible as the same trace id in the three services' logs; and the services' Prometheus
 * endpoints carry the common tags and our own meters.
 */
final class ObservabilityChecks {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final List<String> TRACED = List.of("gateway", "catalog-service", "comparison-service");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * Before the stack starts: every service of the test stack reads {@code config/application.properties} of its
     * working folder, here one DEBUG line per HTTP request and per consumed record, logged inside their traces.
     */
    static void logEachRequestAndRecord(StackConfig config) throws IOException {
        Path file = config.runtimeDir().resolve("config").resolve("application.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                # written by DevStackIT (ObservabilityChecks): log lines the trace ids can be found in
                logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG
                logging.level.org.springframework.kafka.listener.adapter=DEBUG
                logging.level.dev.toolverdicts.consumers=DEBUG
                """);
    }

    /** A tool created through the gateway under a known traceparent leaves that trace id in all three logs. */
    void traceCrossesTheGatewayTheOutboxAndKafka(DevStack stack, String editorToken) throws Exception {
        String traceId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String parentId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String slug = "trace-it-" + UUID.randomUUID().toString().substring(0, 8);
        String tool = """
                {"slug": "%s", "name": "Trace IT", "vendor": "Dev Stack IT", "category": "Developer Tools",
                 "tagline": "Carries a trace from the gateway to the comparison view.",
                 "description": "Made up by the dev-stack integration test.", "license": "MIT",
                 "pricing": {"model": "FREE"}}""".formatted(slug);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(stack.gatewayUri().resolve("/api/catalog/tools"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + editorToken)
                .header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(tool)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        List<String> missing = missingIn(stack.config(), traceId);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            missing = missingIn(stack.config(), traceId);
        }
        assertThat(missing).as("logs without trace id " + traceId + " within " + EVENTUAL.toSeconds() + " s")
                .isEmpty();
    }

    /** {@code /actuator/prometheus}: common tags service and instance, and the meters issue 10 asks for. */
    void servicesExposeCommonTagsAndOwnMeters(DevStack stack) throws Exception {
        assertThat(scrape(stack, "catalog-service"))
                .contains("service=\"catalog-service\"").contains("instance=\"")
                .contains("outbox_backlog{").contains("outbox_publish_latency_seconds_count{")
                .contains("http_server_requests_seconds_bucket{");
        assertThat(scrape(stack, "comparison-service"))
                .contains("service=\"comparison-service\"")
                .contains("projection_freshness_seconds_count{")
                .contains("events_consumer_lag{").contains("group=\"comparison-service.projection\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max{");
        assertThat(scrape(stack, "review-service")).contains("verdicts_submitted_total{")
                .contains("events_consumed_total{").contains("group=\"review-service.published-tools\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max{");
        assertThat(scrape(stack, "gateway")).containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"catalog\"");
        for (String service : List.of("gateway", "identity-service", "newsletter-service")) {
            URI readiness = local(stack, service, "/actuator/health/readiness");
            assertThat(http.send(HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body()).as(service + " readiness").contains("\"status\":\"UP\"");
        }
    }

    private String scrape(DevStack stack, String service) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(local(stack, service, "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
        return response.body();
    }

    private static URI local(DevStack stack, String service, String path) {
        return URI.create("http://127.0.0.1:" + stack.config().ports().service(service) + path);
    }

    private static List<String> missingIn(StackConfig config, String traceId) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String service : TRACED) {
            Path log = config.logDir().resolve(service + ".log");
            if (!Files.exists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains(traceId)) {
                missing.add(service);
            }
        }
        return missing;
    }
}
