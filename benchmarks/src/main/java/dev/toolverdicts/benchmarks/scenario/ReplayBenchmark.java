package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.identity.ServiceTokens;
import dev.toolverdicts.benchmarks.kafka.ConsumerPerformanceRun;
import dev.toolverdicts.benchmarks.report.Figure;
import dev.toolverdicts.benchmarks.stack.JsonHttp;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * 4. The comparison projection's rebuild (ADMIN: replay every source topic from the beginning into fresh tables,
 * then swap), timed by its own progress report, against Kafka's ConsumerPerformance reading the same topics.
 */
public final class ReplayBenchmark implements Benchmark {

    private static final String REBUILDS = "/api/comparisons/admin/rebuilds";

    /** The rebuild's duration by its own start and finish times, when it reports both. */
    private static Optional<Double> serverSeconds(JsonNode progress) {
        String started = progress.path("startedAt").asString("");
        String finished = progress.path("finishedAt").asString("");
        if (started.isEmpty() || finished.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(Instant.parse(started), Instant.parse(finished)).toNanos() / 1e9);
    }

    @Override
    public String id() {
        return "4";
    }

    @Override
    public String title() {
        return "projection replay";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        String admin = new ServiceTokens().admin();
        JsonHttp http = context.http();
        long clientStart = System.nanoTime();
        var started = http.send("POST", StackPorts.url(StackPorts.COMPARISON, REBUILDS), null, admin);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("starting a rebuild answered " + started.statusCode() + ": "
                    + JsonHttp.abbreviate(started.body()));
        }
        JsonNode progress = JsonHttp.JSON.readTree(started.body());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while ("RUNNING".equals(progress.path("state").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            progress = http.getJson(StackPorts.url(StackPorts.COMPARISON, REBUILDS + "/current"), admin);
        }
        double clientSeconds = (System.nanoTime() - clientStart) / 1e9;
        if (!"SWAPPED".equals(progress.path("state").asString())) {
            throw new IllegalStateException("rebuild ended " + progress.path("state").asString() + ": "
                    + progress.path("failure").asString(""));
        }
        double seconds = serverSeconds(progress).orElse(clientSeconds);
        long applied = 0;
        long consumed = 0;
        double fetchMillis = 0;
        Map<String, Object> perTopic = new LinkedHashMap<>();
        for (JsonNode topic : progress.path("topics")) {
            long total = topic.path("total").asLong();
            applied += topic.path("applied").asLong();
            if (total > 0) {
                ConsumerPerformanceRun.Result kafka = ConsumerPerformanceRun.run(topic.path("topic").asString(), total);
                consumed += kafka.messages();
                fetchMillis += kafka.fetchMillis();
                perTopic.put(topic.path("topic").asString(), Map.of("rebuild", topic, "consumerPerformance", kafka));
            }
        }
        double replayRate = applied / seconds;
        double kafkaRate = consumed / (fetchMillis / 1000.0);
        System.out.printf("  rebuild: %d records in %.2f s (%.0f/s); ConsumerPerformance: %d in %.2f s (%.0f/s)%n",
                applied, seconds, replayRate, consumed, fetchMillis / 1000, kafkaRate);
        context.report().detail("4-replay", Map.of("rebuild", progress, "clientSeconds", clientSeconds,
                "topics", perTopic));
        context.report().add(new Figure("4", "projection replay vs ConsumerPerformance", "rebuild (replay + swap)",
                replayRate, "ConsumerPerformance, same topics", kafkaRate, "records/s", true, null, null, "≥ 0.5×",
                replayRate / kafkaRate >= 0.5,
                String.format("%d records in %.1f s by the rebuild's own start/finish times (%.1f s seen by the "
                        + "client); ConsumerPerformance fetch time, its group join excluded", applied, seconds,
                        clientSeconds)));
    }
}
