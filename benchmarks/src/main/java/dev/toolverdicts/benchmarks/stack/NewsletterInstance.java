package dev.toolverdicts.benchmarks.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A newsletter-service instance of the benchmark's own, started with the running dev stack's command line (same
 * JVM flags, jar, identity and Kafka) except for its port, its database, its SMTP server and its consumer group, so
 * that it can be killed and restarted without touching the stack and mails no one but the benchmark's sink.
 */
public final class NewsletterInstance implements AutoCloseable {

    private static final String JAR = "newsletter-service.jar";

    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;

    private NewsletterInstance(List<String> command, int port, Path log) {
        this.command = command;
        this.port = port;
        this.log = log;
    }

    /** The stack's newsletter-service command, pointed at {@code database}, {@code smtpPort} and {@code port}. */
    public static NewsletterInstance likeTheStacks(String database, int smtpPort, int port, String groupPrefix,
            Path log) {
        List<String> running = runningCommand().orElseThrow(() -> new IllegalStateException(
                "no running newsletter-service (" + JAR + ") to copy the command line of: is the dev stack up?"));
        return new NewsletterInstance(rewrite(running, database, smtpPort, port, groupPrefix), port, log);
    }

    static Optional<List<String>> runningCommand() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).stream().anyMatch(arg -> arg.endsWith(JAR)))
                        .orElse(false))
                .filter(p -> p.info().command().isPresent())
                .findFirst()
                .map(p -> {
                    List<String> command = new ArrayList<>();
                    command.add(p.info().command().orElseThrow());
                    command.addAll(List.of(p.info().arguments().orElseThrow()));
                    return command;
                });
    }

    static List<String> rewrite(List<String> running, String database, int smtpPort, int port, String groupPrefix) {
        List<String> command = new ArrayList<>();
        String recording = System.getenv("BENCH_NEWSLETTER_JFR");
        for (String arg : running) {
            if (arg.equals("-jar") && recording != null && !recording.isBlank()) {
                // a flight recording of the benchmark's instance, for the profile of the send path
                command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
            }
            if (arg.startsWith("-XX:AOTCacheOutput=")) {
                // the stack's instance records the AOT cache; a second writer of the same file at exit would race it
                continue;
            }
            if (arg.startsWith("--server.port=") || arg.startsWith("--spring.mail.port=")
                    || arg.startsWith("--platform.consumers.group-prefix=")) {
                continue;
            }
            if (arg.startsWith("--spring.datasource.url=")) {
                arg = arg.substring(0, arg.lastIndexOf('/') + 1) + database;
            }
            command.add(arg);
        }
        command.add("--server.port=" + port);
        command.add("--spring.mail.port=" + smtpPort);
        // its own group: it reads the stack's history into its own database and takes no partition from the stack's
        command.add("--platform.consumers.group-prefix=" + groupPrefix);
        return List.copyOf(command);
    }

    public int port() {
        return port;
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(starts == 1 ? ProcessBuilder.Redirect.to(log.toFile())
                        : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the benchmark's newsletter-service exited with "
                        + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the benchmark's newsletter-service was not ready in " + timeout + "; see " + log);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, the job's lock left held. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
