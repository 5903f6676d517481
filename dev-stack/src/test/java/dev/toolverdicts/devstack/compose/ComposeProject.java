package dev.toolverdicts.devstack.compose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One compose project driven through the {@code docker-compose} command (v1 on podman in CI, or Docker's) and the
 * engine's own command ({@code podman} or {@code docker}) for what compose cannot say: exit codes, stats, and
 * whether anything carrying the project's label is left after {@code down -v}.
 */
final class ComposeProject {

    private static final String PROJECT_LABEL = "label=com.docker.compose.project=";

    private final Path directory;
    private final List<String> compose;
    private final String engine;
    private final String name;

    ComposeProject(Path directory, List<String> composeCommand, List<Path> files, String engine, String name) {
        this.directory = directory;
        this.engine = engine;
        this.name = name;
        List<String> command = new ArrayList<>(composeCommand);
        command.addAll(List.of("-p", name));
        for (Path file : files) {
            command.addAll(List.of("-f", file.toString()));
        }
        this.compose = List.copyOf(command);
    }

    /** The services the files declare, in their order. */
    List<String> services() {
        return lines(compose(Duration.ofMinutes(1), "config", "--services").requireSuccess());
    }

    Result up(Duration timeout, boolean build, List<String> services) {
        List<String> args = new ArrayList<>(List.of("up", "-d", build ? "--build" : "--no-build"));
        args.addAll(services);
        return compose(timeout, args.toArray(String[]::new));
    }

    Result down(Duration timeout) {
        return compose(timeout, "down", "-v", "--remove-orphans", "--timeout", "30");
    }

    /** host:port where the service's container port is published. */
    String publishedAddress(String service, int port) {
        String address = compose(Duration.ofMinutes(1), "port", service, String.valueOf(port)).requireSuccess().strip()
                .lines().findFirst().orElse("");
        return reachable(address);
    }

    /** "0.0.0.0:8080", "[::]:8080" or podman's ":8080" (published on every interface) is reached on 127.0.0.1. */
    static String reachable(String published) {
        int colon = published.lastIndexOf(':');
        String host = published.substring(0, Math.max(colon, 0));
        boolean everyInterface = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        return (everyInterface ? "127.0.0.1" : host) + published.substring(colon);
    }

    String logs(String service) {
        return compose(Duration.ofMinutes(1), "logs", "--no-color", service).output();
    }

    String containerId(String service) {
        return compose(Duration.ofMinutes(1), "ps", "-q", service).requireSuccess().strip();
    }

    /** "running", "exited 0", ...: the container's state and, once it ended, its exit code. */
    String state(String containerId) {
        String state = engine(Duration.ofMinutes(1), "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}",
                containerId).requireSuccess().strip();
        return state.startsWith("exited") ? state : state.split(" ")[0];
    }

    /** Name, memory use and CPU of every running container of the project, one line each. */
    String stats() {
        List<String> ids = lines(engine(Duration.ofMinutes(1), "ps", "-q", "--filter", PROJECT_LABEL + name)
                .requireSuccess());
        if (ids.isEmpty()) {
            return "";
        }
        List<String> args = new ArrayList<>(List.of("stats", "--no-stream", "--format",
                "{{.Name}}\t{{.MemUsage}}\t{{.CPUPerc}}"));
        args.addAll(ids);
        return engine(Duration.ofMinutes(2), args.toArray(String[]::new)).output();
    }

    /**
     * Resident memory of every running container of the project, one line each: the VmRSS of its processes (the
     * main process and its descendants), read from this machine's /proc, so only where the engine runs containers
     * as local processes (podman, Docker on Linux) and the test may read them (root). {@link #stats()} is the
     * cgroup's usage, which also counts page cache and tmpfs.
     */
    String residentMemory() {
        List<String> ids = lines(engine(Duration.ofMinutes(1), "ps", "-q", "--filter", PROJECT_LABEL + name)
                .requireSuccess());
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            String[] namePid = engine(Duration.ofMinutes(1), "inspect", "-f", "{{.Name}} {{.State.Pid}}", id)
                    .output().strip().split(" ");
            ProcessHandle main = namePid.length == 2 && namePid[1].matches("[1-9][0-9]*")
                    ? ProcessHandle.of(Long.parseLong(namePid[1])).orElse(null) : null;
            if (main == null) {
                continue; // ended meanwhile
            }
            List<ProcessHandle> processes = new ArrayList<>(List.of(main));
            main.descendants().forEach(processes::add);
            long kib = processes.stream().mapToLong(process -> residentKib(status(process.pid()))).sum();
            out.append(String.format("%s\t%d MiB RSS (%d process%s)%n", namePid[0].replaceFirst("^/", ""),
                    Math.round(kib / 1024.0), processes.size(), processes.size() == 1 ? "" : "es"));
        }
        return out.toString();
    }

    /** The VmRSS of a /proc/<pid>/status text, in KiB; 0 when it has none (a kernel thread, a process gone). */
    static long residentKib(String status) {
        return status.lines().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring("VmRSS:".length()).replace("kB", "").strip())
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    private static String status(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        } catch (IOException e) {
            return "";
        }
    }

    /** Containers, volumes and networks that still carry the project's label. */
    Map<String, List<String>> leftovers() {
        return Map.of(
                "containers", lines(engine(Duration.ofMinutes(1), "ps", "-a", "-q", "--filter", PROJECT_LABEL + name)
                        .requireSuccess()),
                "volumes", lines(engine(Duration.ofMinutes(1), "volume", "ls", "-q", "--filter", PROJECT_LABEL + name)
                        .requireSuccess()),
                "networks", lines(engine(Duration.ofMinutes(1), "network", "ls", "-q", "--filter",
                        PROJECT_LABEL + name).requireSuccess()));
    }

    Result compose(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(Arrays.asList(args));
        return run(command, timeout);
    }

    private Result engine(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(engine));
        command.addAll(Arrays.asList(args));
        return run(command, timeout);
    }

    private Result run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = readWithin(process, in, timeout);
            }
            int exit = process.isAlive() ? -1 : process.exitValue();
            return new Result(String.join(" ", command), exit, new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(String.join(" ", command), -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(String.join(" ", command), -1, "interrupted");
        }
    }

    /** Everything the process writes until it ends; past the timeout it is stopped (then exit code -1). */
    private static byte[] readWithin(Process process, InputStream in, Duration timeout) throws InterruptedException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Thread pump = Thread.ofPlatform().daemon().start(() -> {
            try {
                in.transferTo(buffer);
            } catch (IOException ignored) {
                // the process ended or was killed; what was read is kept
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        pump.join(5000);
        return buffer.toByteArray();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** What one command did. */
    record Result(String command, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        String requireSuccess() {
            if (!succeeded()) {
                throw new IllegalStateException(command + " exited " + exitCode + ":\n" + output);
            }
            return output;
        }
    }
}
