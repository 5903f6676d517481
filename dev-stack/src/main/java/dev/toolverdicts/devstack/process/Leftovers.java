package dev.toolverdicts.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Remembers the processes of the running stack in a file, so that after the launcher was killed (kill -9, a closed
 * terminal) the next start can stop what it left behind instead of failing on taken ports. A process is only
 * stopped when both its pid and its start time match, never a stranger that reused the pid.
 */
public final class Leftovers {

    private final Path file;
    private String written = "";

    public Leftovers(Path file) {
        this.file = file;
    }

    /** Writes the current processes, when they changed since the last call. */
    public synchronized void record(List<ProcessHandle> processes) {
        String lines = processes.stream()
                .map(p -> p.pid() + " " + p.info().startInstant().map(Instant::toString).orElse("?"))
                .collect(Collectors.joining("\n"));
        if (lines.equals(written)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
            written = lines;
        } catch (IOException e) {
            // only a convenience for the next start; the running stack does not depend on it
        }
    }

    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
            written = "";
        } catch (IOException e) {
            // see record
        }
    }

    /** Stops the processes a previous run left alive; returns how many there were. */
    public int stopPreviousRun(Duration grace) {
        List<ProcessHandle> alive = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return 0;
            }
            for (String line : Files.readAllLines(file)) {
                matching(line).ifPresent(alive::add);
            }
        } catch (IOException e) {
            return 0;
        }
        alive.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (alive.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        clear();
        return alive.size();
    }

    private static Optional<ProcessHandle> matching(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 2 || !fields[0].matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(fields[0]))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(Instant::toString).orElse("?").equals(fields[1]));
    }
}
