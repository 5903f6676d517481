package dev.toolverdicts.benchmarks.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of Kafka's own command-line tools in a child JVM on the suite's classpath and returns its output. */
public final class KafkaTool {

    private KafkaTool() {
    }

    public static String run(String mainClass, List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(mainClass + " did not finish within " + timeout);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(mainClass + " exited with " + process.exitValue() + ": " + tail(text));
        }
        return text;
    }

    static String tail(String text) {
        return text.length() > 600 ? text.substring(text.length() - 600) : text;
    }
}
