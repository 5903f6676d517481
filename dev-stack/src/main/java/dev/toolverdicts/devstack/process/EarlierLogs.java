package dev.toolverdicts.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a part's log across a restart: {@code logs/kafka.log} becomes {@code logs/kafka.1.log} (then {@code .2},
 * ... on later restarts), because a start empties the log and what led up to a crash is what one wants to read.
 */
public final class EarlierLogs {

    private EarlierLogs() {
    }

    /** Moves the log aside under the first free number; empty if there was no log. */
    public static Optional<Path> keep(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        String file = log.getFileName().toString();
        String stem = file.endsWith(".log") ? file.substring(0, file.length() - 4) : file;
        for (int n = 1; ; n++) {
            Path kept = log.resolveSibling(stem + "." + n + ".log");
            if (!Files.exists(kept)) {
                return Optional.of(Files.move(log, kept));
            }
        }
    }
}
