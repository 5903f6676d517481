package dev.toolverdicts.benchmarks.kafka;

import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's ProducerPerformance with the outbox relay's producer settings: the raw ceiling of publishing. */
public final class ProducerPerformanceRun {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec .*?, ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    /** What the tool printed last: records/s and its own (queueing-dominated) latency percentiles. */
    public record Result(long records, double recordsPerSecond, double p50Ms, double p99Ms) {
    }

    private ProducerPerformanceRun() {
    }

    public static Result run(String topic, long records, int recordSize) throws IOException, InterruptedException {
        String output = KafkaTool.run("org.apache.kafka.tools.ProducerPerformance", List.of(
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + StackPorts.KAFKA, "acks=all",
                "enable.idempotence=true", "linger.ms=0", "max.in.flight.requests.per.connection=5"),
                Duration.ofMinutes(3));
        return parse(output);
    }

    static Result parse(String output) {
        Matcher m = SUMMARY.matcher(output);
        Result result = null;
        while (m.find()) {
            result = new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(5)),
                    Double.parseDouble(m.group(7)));
        }
        if (result == null) {
            throw new IllegalStateException("no summary in ProducerPerformance output: " + KafkaTool.tail(output));
        }
        return result;
    }
}
