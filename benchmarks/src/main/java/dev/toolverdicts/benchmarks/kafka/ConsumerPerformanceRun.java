package dev.toolverdicts.benchmarks.kafka;

import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Kafka's ConsumerPerformance reading one topic from the beginning: the raw ceiling of a replay. */
public final class ConsumerPerformanceRun {

    /** Messages read, and the fetch time (after the group join, which a replay with assign() does not pay). */
    public record Result(long messages, double fetchMillis, double totalMillis) {
    }

    private ConsumerPerformanceRun() {
    }

    public static Result run(String topic, long messages) throws IOException, InterruptedException {
        String output = KafkaTool.run("org.apache.kafka.tools.ConsumerPerformance", List.of(
                "--bootstrap-server", StackPorts.KAFKA, "--topic", topic, "--messages", Long.toString(messages),
                "--group", "bench-consumer-perf-" + UUID.randomUUID(), "--timeout", "30000", "--hide-header"),
                Duration.ofMinutes(3));
        return parse(output);
    }

    /**
     * Parses the CSV line: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
     * rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec.
     */
    static Result parse(String output) {
        for (String line : output.strip().split("\n")) {
            String[] fields = line.split(",\\s*");
            if (fields.length >= 10 && fields[4].trim().matches("\\d+")) {
                long messages = Long.parseLong(fields[4].trim());
                double rebalance = Double.parseDouble(fields[6].trim());
                double fetch = Double.parseDouble(fields[7].trim());
                return new Result(messages, fetch, fetch + rebalance);
            }
        }
        throw new IllegalStateException("no result line in ConsumerPerformance output: " + KafkaTool.tail(output));
    }
}
