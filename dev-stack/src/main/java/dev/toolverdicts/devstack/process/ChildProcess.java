package dev.toolverdicts.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An operating-system process of the stack: output appended to its log, stopped with SIGTERM and, after a grace
 * period, SIGKILL. It runs in its own session so that Ctrl-C reaches only the launcher, which then stops the
 * parts in order.
 */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final List<String> command;
    private final Path workingDir;
    private final Path log;
    private Process process;

    public ChildProcess(String name, List<String> command, Path workingDir, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workingDir = workingDir;
        this.log = log;
    }

    /** The {@code java} of the JVM running the launcher, so children use the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public void start() throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            line.add(SETSID.toString());
        }
        line.addAll(command);
        process = new ProcessBuilder(line)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    /** Runs the command to its end (for one-off tools such as formatting storage) and returns its exit code. */
    public int runToEnd(Duration timeout) throws IOException, InterruptedException {
        start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(Duration.ofSeconds(5));
            throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s, see " + log);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Non-empty once the process has exited. */
    public Optional<String> exitDescription() {
        if (process == null || process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("exited with code " + process.exitValue());
    }

    public void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = processes();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            all.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL to the process and its descendants, waiting (briefly) until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        processes().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<ProcessHandle> processes() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }
}
