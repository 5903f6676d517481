package dev.toolverdicts.benchmarks.kafka;

import dev.toolverdicts.benchmarks.load.Latency;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's EndToEndLatency (produce, acks=all, then consume, one record at a time): the floor of any freshness. */
public final class EndToEndLatencyRun {

    private static final Pattern PERCENTILES = Pattern.compile("50th = ([\\d.]+), 99th = ([\\d.]+)");

    private EndToEndLatencyRun() {
    }

    public static Latency run(String topic, int messages, int size) throws IOException, InterruptedException {
        String output = KafkaTool.run("org.apache.kafka.tools.EndToEndLatency",
                List.of(StackPorts.KAFKA, topic, Integer.toString(messages), "all", Integer.toString(size)),
                Duration.ofMinutes(2));
        Matcher matcher = PERCENTILES.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no percentiles in EndToEndLatency output: " + KafkaTool.tail(output));
        }
        double p50 = Double.parseDouble(matcher.group(1));
        double p99 = Double.parseDouble(matcher.group(2));
        return new Latency(messages, p50, p99, p99, p99);
    }
}
